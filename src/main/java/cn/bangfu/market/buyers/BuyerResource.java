package cn.bangfu.market.buyers;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Buyers in paired regions: registered by any bureau, read by bureau staff or the buyer itself. */
@Path("/api/v1/buyers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Buyers")
public class BuyerResource {

    @Inject
    BuyerService buyers;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @POST
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "registerBuyer",
            summary = "Register a buyer (any bureau); a BUDGET_UNIT may carry its food budget and reserved share "
                    + "as defaults")
    @APIResponse(responseCode = "201",
            description = "The new buyer; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new buyer",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = BuyerView.class)))
    public Response register(@Valid @NotNull BuyerRequest request, UriInfo uri) {
        BuyerView created = buyers.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "listBuyers",
            summary = "Buyers registered in the bureau's region (or a region inside it), optionally of one kind",
            description = "By id. A region outside the bureau's is refused (403); an unknown one lists nothing.")
    public Page<BuyerView> search(@QueryParam("regionCode") String regionCode, @QueryParam("kind") BuyerKind kind,
                                  @Valid @BeanParam PageParams page) {
        return buyers.search(caller.bureauRegion(), regionCode, kind, page.request());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BUREAU, Roles.BUYER})
    @Operation(operationId = "getBuyer",
            summary = "One buyer (bureau staff, or the buyer itself)")
    public BuyerView get(@PathParam("id") long id) {
        long buyerId = id;
        requireSelfOrBureau(buyerId);
        return buyers.get(buyerId);
    }

    @GET
    @Path("{id}/reserve")
    @RolesAllowed({Roles.BUREAU, Roles.BUYER})
    @Operation(operationId = "getBuyerReserve",
            summary = "A budget unit's reserved share vs. spending (delivered minus returned) for a year")
    @APIResponse(responseCode = "200", description = "The year's reserve and what was spent against it",
            content = @Content(schema = @Schema(implementation = ReserveReport.class)))
    @APIResponse(responseCode = "422", description = "The buyer is not a budget unit and reserves nothing")
    public ReserveReport reserve(@PathParam("id") long id, @QueryParam("year") Integer year) {
        long buyerId = id;
        requireSelfOrBureau(buyerId);
        return buyers.reserve(buyerId, clock.yearOrCurrent(year));
    }

    @PUT
    @Path("{id}/reserves/{year}")
    @RolesAllowed({Roles.BUREAU, Roles.BUYER})
    @Operation(operationId = "fileBuyerReserve",
            summary = "File a budget unit's reserve for a year (预留份额): its food budget and reserved share, "
                    + "or that it has no canteen",
            description = "By bureau staff or the budget unit itself. Filed again, it replaces the year's filing; "
                    + "the reserve report of that year uses it instead of the buyer's defaults.")
    @APIResponse(responseCode = "200", description = "The year's filing as it now stands",
            content = @Content(schema = @Schema(implementation = ReserveFiling.class)))
    @APIResponse(responseCode = "422", description = "The buyer is not a budget unit and reserves nothing")
    public ReserveFiling fileReserve(@PathParam("id") long id, @PathParam("year") int year,
                                     @Valid @NotNull ReserveFilingRequest request) {
        long buyerId = id;
        requireSelfOrBureau(buyerId);
        return buyers.fileReserve(buyerId, year, request, caller.subject());
    }

    private void requireSelfOrBureau(long buyerId) {
        if (!caller.is(Roles.BUREAU) && caller.buyerId() != buyerId) {
            throw ApiProblem.forbidden("a buyer sees only itself", "购买方只能查看自身");
        }
    }
}
