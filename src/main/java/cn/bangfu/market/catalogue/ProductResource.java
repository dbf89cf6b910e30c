package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** Products: edited by their own cooperative; the catalogue is public. */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Products")
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    Caller caller;

    @Inject
    StrictJson strictJson;

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.COOPERATIVE)
    @Operation(operationId = "updateProduct",
            summary = "Change price, stock, status (ACTIVE|DELISTED) or other fields of an own product")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProductPatch.class)))
    public ProductView update(@PathParam("id") long id, JsonNode body) throws IOException {
        long productId = id;
        return products.update(productId, caller.cooperativeId(), strictJson.read(body, ProductPatch.class));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getProduct",
            summary = "One product (public)")
    public ProductView get(@PathParam("id") long id) {
        return products.get(id);
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchProducts",
            summary = "Public catalogue: ACTIVE products of APPROVED cooperatives",
            description = "q matches name or brand; regionCode matches the cooperative's region or any ancestor; "
                    + "sort is one of id, name, priceFen, createdAt, prefixed with - for descending "
                    + "(or followed by ,asc or ,desc).")
    public Page<ProductView> search(@Parameter(schema = @Schema(type = SchemaType.STRING,
                                            maxLength = CatalogueQuery.MAX_TEXT))
                                    @QueryParam("q") String q, @QueryParam("category") Category category,
                                    @QueryParam("regionCode") String regionCode,
                                    @QueryParam("certification") Certification certification,
                                    @Parameter(description = "true: only products recognised today as assistance "
                                            + "products (帮扶产品认定); false: only those not recognised today")
                                    @QueryParam("recognized") Boolean recognized,
                                    @Parameter(schema = @Schema(type = SchemaType.STRING,
                                            pattern = CatalogueSort.DOCUMENTED))
                                    @QueryParam("sort") String sort,
                                    @Valid @BeanParam PageParams page) {
        return products.search(CatalogueQuery.parse(q, category, regionCode, certification, recognized, sort),
                page.request());
    }

    @POST
    @Path("{id}/recognition")
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "recognizeProduct",
            summary = "File (or replace) the product's recognition as an assistance product (帮扶产品认定)",
            description = "By a bureau whose region contains the product's cooperative. Order lines placed while "
                    + "it covers their day count as recognised; a replaced recognition counts no more.")
    public ProductView recognize(@PathParam("id") long id, @Valid @NotNull RecognitionRequest request) {
        return products.recognize(id, caller.bureauRegion(), request);
    }

    @POST
    @Path("{id}/recognition/revoke")
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "revokeProductRecognition",
            summary = "Revoke the product's recognition from a day on (that day no longer counts); once",
            description = "409 when there is no recognition or it is already revoked. Lines placed before keep theirs.")
    public ProductView revokeRecognition(@PathParam("id") long id, @Valid @NotNull RevocationRequest request) {
        return products.revokeRecognition(id, caller.bureauRegion(), request);
    }
}
