package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cooperative listing its own products. */
@Path("/api/v1/cooperatives/{id}/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class CooperativeProductResource {

    @Inject
    ProductService products;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.COOPERATIVE)
    @Operation(operationId = "createProduct",
            summary = "List a new product (the cooperative itself only)")
    @APIResponse(responseCode = "201",
            description = "The new product; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new product",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    public Response create(@PathParam("id") long id, @Valid @NotNull ProductRequest request) {
        long cooperativeId = id;
        if (!caller.actsForCooperative(cooperativeId)) {
            throw ApiProblem.forbidden("you may list products only for your own cooperative");
        }
        ProductView created = products.create(cooperativeId, request);
        return Response.created(UriBuilder.fromPath("/api/v1/products/{id}").build(created.id()))
                .entity(created).build();
    }

}
