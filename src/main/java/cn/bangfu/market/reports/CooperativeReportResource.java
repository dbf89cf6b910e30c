package cn.bangfu.market.reports;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.cooperatives.CooperativeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One business entity's 联农带农 assessment, under the entity's own URL. It lives with the reports
 * (not in {@code cooperatives}) so that reports may name mechanisms and household categories.
 */
@Path("/api/v1/cooperatives/{id}/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cooperatives")
public class CooperativeReportResource {

    @Inject
    ReportService reports;

    @Inject
    CooperativeService cooperatives;

    @Inject
    BusinessClock clock;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.BUREAU, Roles.COOPERATIVE})
    @Operation(operationId = "getCooperativeReport",
            summary = "What this business entity returned to households in a year (the entity itself, or bureau staff "
                    + "whose region holds it)")
    public CooperativeAssessment report(@PathParam("id") long id, @QueryParam("year") Integer year) {
        cooperatives.get(id, CooperativeService.Reader.of(caller)); // 404 or 403, as reading the entity
        return reports.cooperative(id, clock.yearOrCurrent(year));
    }
}
