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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Early warning (防返贫监测预警), for bureau staff inside their region. */
@Path("/api/v1/households/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Income")
public class AlertResource {

    @Inject
    IncomeReports reports;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(operationId = "listAlerts",
            summary = "Households below, near or falling towards their province's monitoring line, by village, then code",
            description = "Reasons: BELOW_LINE (per capita < line), NEAR_LINE (line ≤ per capita < line × "
                    + "nearLineBp / 10000), INCOME_DROP (per capita fell by more than dropBp / 10000 of the year "
                    + "before); members as of 31 December of each year. regionCode (default: the bureau's region) "
                    + "names a province or a region below it; 422 when its province has no line for the year.")
    @APIResponse(responseCode = "200", description = "One page of households with a reason, by household code")
    @APIResponse(responseCode = "422", description = "The region's province has no monitoring line for the year")
    public Page<AlertHousehold> alerts(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year,
                                       @Valid @BeanParam PageParams page) {
        return reports.alerts(caller.bureauRegion(), regionCode, clock.yearOrCurrent(year), page.request());
    }
}
