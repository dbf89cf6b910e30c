package cn.bangfu.market.trade;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.regions.RegionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consumption orders and their lifecycle. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    RegionService regions;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.BUYER)
    @Operation(operationId = "placeOrder",
            summary = "Place an order (Idempotency-Key required: the same key and body answer the same order)")
    @APIResponse(responseCode = "201",
            description = "The new order; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new order",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The order this Idempotency-Key already placed, unchanged",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response place(@HeaderParam("Idempotency-Key") @Parameter(required = true,
                                  description = "A key of the client's choosing, unique per order: a retry sends it "
                                          + "again") String idempotencyKey,
                          @Valid @NotNull PlaceOrderRequest request, UriInfo uri) {
        OrderService.Placed placed = orders.place(caller.buyerId(), idempotencyKey, request);
        if (!placed.created()) {
            return Response.ok(placed.order()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(placed.order().id())).build())
                .entity(placed.order()).build();
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Roles.COOPERATIVE)
    @Operation(operationId = "confirmOrder",
            summary = "PLACED → CONFIRMED (a cooperative whose products are in the order)")
    public OrderView confirm(@PathParam("id") long id) {
        return orders.confirm(id, caller.cooperativeId());
    }

    @POST
    @Path("{id}/ship")
    @RolesAllowed(Roles.COOPERATIVE)
    @Operation(operationId = "shipOrder",
            summary = "CONFIRMED → SHIPPED (a cooperative whose products are in the order)")
    public OrderView ship(@PathParam("id") long id) {
        return orders.ship(id, caller.cooperativeId());
    }

    @POST
    @Path("{id}/deliver")
    @RolesAllowed(Roles.BUYER)
    @Operation(operationId = "deliverOrder",
            summary = "SHIPPED → DELIVERED (the buyer); records the SALES_SHARE contributions")
    public OrderView deliver(@PathParam("id") long id) {
        return orders.deliver(id, caller.buyerId(), caller.subject());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.BUYER)
    @Operation(operationId = "cancelOrder",
            summary = "Cancel before SHIPPED (the buyer); releases the stock")
    public OrderView cancel(@PathParam("id") long id) {
        return orders.cancel(id, caller.buyerId());
    }

    @POST
    @Path("{id}/lines/{lineId}/return")
    @RolesAllowed(Roles.BUYER)
    @Operation(operationId = "returnOrderLine",
            summary = "Return one line of a DELIVERED order (the buyer); reverses its contributions")
    public OrderView returnLine(@PathParam("id") long id, @PathParam("lineId") long lineId) {
        return orders.returnLine(id, lineId, caller.buyerId(), caller.subject());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BUYER, Roles.COOPERATIVE, Roles.BUREAU})
    @Operation(operationId = "getOrder",
            summary = "One order as the caller may see it")
    public OrderView get(@PathParam("id") long id) {
        return orders.get(id, viewer());
    }

    @GET
    @Path("{id}/impact")
    @RolesAllowed({Roles.BUYER, Roles.COOPERATIVE, Roles.BUREAU})
    @Operation(operationId = "getOrderImpact",
            summary = "What the order did for households (帮扶成效): households reached and income created, by "
                    + "mechanism and village, net of returns; never a household's name, code or ID",
            description = "The buyer, a cooperative with lines in it (its own lines only), or bureau staff who see "
                    + "the order. Zero until the order is delivered.")
    public Impact impact(@PathParam("id") long id) {
        return orders.impact(id, viewer());
    }

    @GET
    @RolesAllowed({Roles.BUYER, Roles.COOPERATIVE, Roles.BUREAU})
    @Operation(operationId = "listOrders",
            summary = "Orders the caller may see, newest first")
    public Page<OrderView> search(@QueryParam("status") OrderStatus status,
                                  @Valid @BeanParam PageParams page) {
        return orders.search(viewer(), status,
                page.request());
    }

    private Viewer viewer() {
        return Viewer.of(caller, regions);
    }
}
