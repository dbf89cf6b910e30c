package cn.bangfu.market.trade;

import cn.bangfu.market.buyers.Buyer;
import cn.bangfu.market.buyers.BuyerService;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.regions.RegionService;
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

/** What a buyer's purchases did for households in a year: the buyer, or bureau staff over its region. */
@Path("/api/v1/buyers/{id}/impact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BUYER, Roles.BUREAU})
@Tag(name = "Buyers")
public class BuyerImpactResource {

    @Inject
    ImpactService impact;

    @Inject
    BuyerService buyers;

    @Inject
    RegionService regions;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(operationId = "getBuyerImpact",
            summary = "What a buyer's purchases (and its children's: a trade union's) did for households in a year",
            description = "Households reached and income created, by mechanism and village, from the ledger rows "
                    + "its order lines created dated in the year, net of returns; never a household's name, code "
                    + "or ID. The buyer itself, or bureau staff whose region contains the buyer's.")
    public Impact get(@PathParam("id") long id, @QueryParam("year") Integer year) {
        if (caller.is(Roles.BUYER)) {
            if (caller.buyerId() != id) {
                throw ApiProblem.forbidden("a buyer sees only its own impact", "购买方只能查看自身的帮扶成效");
            }
        } else {
            Buyer buyer = buyers.require(id);
            regions.requireGoverned(caller.bureauRegion(), buyer.regionCode);
        }
        return impact.ofBuyer(id, clock.yearOrCurrent(year));
    }
}
