package cn.bangfu.market.income;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
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

/** A household's income for a year, for bureau staff inside their region. */
@Path("/api/v1/households/{id}/income")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Income")
public class HouseholdIncomeResource {

    @Inject
    IncomeReports reports;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(operationId = "getHouseholdIncome",
            summary = "A household's income for a year: contributions by mechanism, other income, per capita, at risk")
    public HouseholdIncome householdIncome(@PathParam("id") long id, @QueryParam("year") Integer year) {
        return reports.householdIncome(id, clock.yearOrCurrent(year), caller.bureauRegion());
    }
}
