package cn.bangfu.market.reports;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports for bureau staff. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @GET
    @Path("agreements")
    @Operation(operationId = "reportAgreements",
            summary = "Fulfilment of paired-region agreements touching the bureau's region, by year")
    public Page<AgreementFulfilment> agreements(@QueryParam("year") Integer year,
                                                @Valid @BeanParam PageParams page) {
        return Page.slice(reports.agreements(caller.bureauRegion(), year), page.request());
    }

    @GET
    @Path("cooperatives")
    @Operation(operationId = "reportCooperatives",
            summary = "What each business entity of a region returned to households in a year (联农带农 assessment)",
            description = "Entities registered in the bureau's region, or in regionCode inside it (403 outside), by id: "
                    + "sales, net household income by mechanism, linked and paid households, returnedBp.")
    public Page<CooperativeAssessment> cooperatives(@QueryParam("regionCode") String regionCode,
                                                    @QueryParam("year") Integer year,
                                                    @Valid @BeanParam PageParams page) {
        // every entity is assessed (the sums need the year's rows of each); the page is cut from them
        return Page.slice(reports.cooperatives(caller.bureauRegion(), regionCode, clock.yearOrCurrent(year)),
                page.request());
    }

    @GET
    @Path("regions")
    @Operation(operationId = "reportRegions",
            summary = "Sales and household income of a region and of each child region (county/township/village)")
    public RegionReport regions(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year) {
        return reports.regions(caller.bureauRegion(), regionCode, clock.yearOrCurrent(year));
    }
}
