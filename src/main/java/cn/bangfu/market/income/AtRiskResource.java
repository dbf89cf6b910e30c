package cn.bangfu.market.income;

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

/** The at-risk list (防返贫监测), for bureau staff inside their region. */
@Path("/api/v1/households/at-risk")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Income")
public class AtRiskResource {

    @Inject
    IncomeReports reports;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(operationId = "listAtRiskHouseholds",
            summary = "Households whose per-capita income is below their province's monitoring line, by village, then code")
    public Page<AtRiskHousehold> atRisk(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year,
                                        @Valid @BeanParam PageParams page) {
        return reports.atRisk(caller.bureauRegion(), regionCode, clock.yearOrCurrent(year), page.request());
    }
}
