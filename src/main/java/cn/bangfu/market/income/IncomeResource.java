package cn.bangfu.market.income;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** Monitoring lines and the contribution ledger, for bureau staff inside their region. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Income")
public class IncomeResource {

    @Inject
    IncomeReports reports;

    @Inject
    Caller caller;

    @PUT
    @Path("monitoring-lines/{provinceCode}/{year}")
    @Operation(operationId = "setMonitoringLine",
            summary = "Set a province's per-capita monitoring line for a year (a bureau governing the province)")
    public MonitoringLine.View setMonitoringLine(@PathParam("provinceCode") String provinceCode,
                                                 @PathParam("year") int year,
                                                 @Valid @NotNull MonitoringLine.Request request) {
        return reports.setMonitoringLine(provinceCode, year, request,
                caller.bureauRegion());
    }

    @GET
    @Path("contributions")
    @Operation(operationId = "listContributions",
            summary = "The contribution ledger inside the bureau's region, filtered; oldest first")
    public Page<ContributionView> contributions(@QueryParam("householdId") Long householdId,
                                                @QueryParam("cooperativeId") Long cooperativeId,
                                                @QueryParam("regionCode") String regionCode,
                                                @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                                @Valid @BeanParam PageParams page) {
        return reports.contributions(caller.bureauRegion(), householdId,
                cooperativeId, regionCode, from,
                to, page.request());
    }
}
