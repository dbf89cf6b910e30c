package cn.bangfu.market.cooperatives;

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

/** Business entities (经营主体): registered and reviewed by bureau staff. */
@Path("/api/v1/cooperatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cooperatives")
public class CooperativeResource {

    @Inject
    CooperativeService cooperatives;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "registerCooperative",
            summary = "Register a cooperative in the bureau's region (status PENDING)")
    @APIResponse(responseCode = "201",
            description = "The new cooperative; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new cooperative",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = CooperativeView.class)))
    public Response register(@Valid @NotNull CooperativeRequest request, UriInfo uri) {
        CooperativeView created = cooperatives.register(request, caller.bureauRegion());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "changeCooperativeStatus",
            summary = "Approve or suspend a cooperative (PENDING → APPROVED ↔ SUSPENDED)")
    public CooperativeView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusRequest request) {
        return cooperatives.changeStatus(id, request, caller.bureauRegion());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BUREAU, Roles.COOPERATIVE, Roles.BUYER})
    @Operation(operationId = "getCooperative",
            summary = "One cooperative (bureau staff inside their region, a cooperative itself, any buyer)",
            description = "A buyer sees APPROVED cooperatives only (404 otherwise), without the review note.")
    public CooperativeView get(@PathParam("id") long id) {
        return cooperatives.get(id, reader());
    }

    @GET
    @RolesAllowed({Roles.BUREAU, Roles.COOPERATIVE, Roles.BUYER})
    @Operation(operationId = "listCooperatives",
            summary = "Cooperatives, optionally in a region (or any region below it) and with a status",
            description = "Bureau staff see their region only; a cooperative sees itself; a buyer sees APPROVED "
                    + "cooperatives, without review notes.")
    public Page<CooperativeView> search(@QueryParam("regionCode") String regionCode,
                                        @QueryParam("status") CooperativeStatus status,
                                        @Valid @BeanParam PageParams page) {
        return cooperatives.search(reader(), regionCode,
                status,
                page.request());
    }

    private CooperativeService.Reader reader() {
        return CooperativeService.Reader.of(caller); // @RolesAllowed admits no one without a role
    }
}
