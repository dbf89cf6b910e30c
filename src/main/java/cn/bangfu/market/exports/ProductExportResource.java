package cn.bangfu.market.exports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.cooperatives.CooperativeService;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cooperative's own price list as a file, for editing and importing back. */
@Path("/api/v1/cooperatives/{id}/products/export")
@RolesAllowed(Roles.COOPERATIVE)
@Tag(name = "Products")
public class ProductExportResource {

    @Inject
    ExportService exports;

    @Inject
    ExportSlots slots;

    @Inject
    Caller caller;

    @Inject
    CooperativeService cooperatives;

    @GET
    @Operation(operationId = "exportProducts",
            summary = "The cooperative's price list (产品清单): one row per product, re-importable as it is",
            description = "The columns of POST /cooperatives/{id}/products/import, with each product's id and "
                    + "version (an import refuses a row whose product changed since). " + ExportResource.FILES)
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = {@Content(mediaType = SpreadsheetMedia.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = SpreadsheetMedia.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@PathParam("id") long id, @QueryParam("format") ExportFormat format,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ExportResource.LANG))
                           @QueryParam("lang") String lang, @Context RoutingContext routing) {
        if (!caller.actsForCooperative(id)) {
            throw ApiProblem.forbidden("a cooperative exports only its own products", "经营主体只能导出本主体的产品");
        }
        Cooperative cooperative = cooperatives.require(id);
        boolean english = ExportResource.english(lang);
        return ExportResource.send(slots, routing, closed -> exports.products(cooperative,
                ExportFormat.orDefault(format), english, closed));
    }
}
