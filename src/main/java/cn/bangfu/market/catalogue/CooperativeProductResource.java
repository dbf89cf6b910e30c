package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.imports.TabularFile;
import cn.bangfu.market.imports.Templates;
import cn.bangfu.market.imports.Uploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

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

    @Inject
    ProductImport productImport;

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
        own(cooperativeId);
        ProductView created = products.create(cooperativeId, request);
        return Response.created(UriBuilder.fromPath("/api/v1/products/{id}").build(created.id()))
                .entity(created).build();
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.COOPERATIVE)
    @Consumes({SpreadsheetMedia.CSV, SpreadsheetMedia.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(operationId = "importProducts",
            summary = "Import the cooperative's price list (CSV or XLSX): all rows or none",
            description = "A row names its product by id, else by sku, and updates it (a blank cell leaves a field "
                    + "as it is; a version cell must still be the product's); any other row lists a new product "
                    + "(name, category, unit, priceYuan or priceFen, stock). Headers in English or Chinese, as the "
                    + "template and the export write them. " + Uploads.LIMITS)
    @APIResponse(responseCode = "200", description = "Every row was imported",
            content = @Content(schema = @Schema(implementation = ProductImport.Result.class)))
    public ProductImport.Result importFile(@PathParam("id") long id, byte[] content) {
        return imported(id, content);
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.COOPERATIVE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importProductsForm",
            summary = "Import the cooperative's price list sent as a multipart form file", description = Uploads.LIMITS)
    @APIResponse(responseCode = "200", description = "Every row was imported",
            content = @Content(schema = @Schema(implementation = ProductImport.Result.class)))
    public ProductImport.Result importForm(@PathParam("id") long id,
                                           @RestForm(FileUpload.ALL) List<FileUpload> files) {
        return imported(id, Uploads.single(files));
    }

    @GET
    @Path("import/template")
    @RolesAllowed(Roles.COOPERATIVE)
    @Produces(SpreadsheetMedia.CSV)
    @Operation(operationId = "getProductTemplate", summary = "The CSV template of a price list")
    @APIResponse(responseCode = "200", description = "The template: a header row and an example row",
            content = @Content(mediaType = SpreadsheetMedia.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "406", description = "The request accepts no text/csv")
    public Response template(@PathParam("id") long id) {
        own(id);
        return Templates.download(ProductColumns.COLUMNS, ProductColumns.EXAMPLE, "products-template.csv");
    }

    private ProductImport.Result imported(long id, byte[] content) {
        own(id);
        return productImport.importPriceList(id, TabularFile.read(content, ProductColumns.COLUMNS));
    }

    private void own(long cooperativeId) {
        if (!caller.actsForCooperative(cooperativeId)) {
            throw ApiProblem.forbidden("you may list products only for your own cooperative", "你只能为本经营主体上架产品");
        }
    }
}
