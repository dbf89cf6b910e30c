package cn.bangfu.market.links;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.imports.ImportResult;
import cn.bangfu.market.imports.TabularFile;
import cn.bangfu.market.imports.Templates;
import cn.bangfu.market.imports.Uploads;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** Benefit links (联农带农): bureau staff only, inside their region. */
@Path("/api/v1/links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Benefit links")
public class LinkResource {

    @Inject
    LinkService links;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createLink",
            summary = "Bind a household to a cooperative by one mechanism",
            description = "Parameters per mechanism as income-rules.md §1 names them; missing or extra ones are a 400.")
    @APIResponse(responseCode = "201",
            description = "The new link; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new link",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = LinkView.class)))
    public Response create(@Valid @NotNull LinkRequest request, UriInfo uri) {
        LinkView created = links.create(request, caller.bureauRegion());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLink", summary = "One link, inside the bureau's region")
    public LinkView get(@PathParam("id") long id) {
        return links.find(id, caller.bureauRegion());
    }

    @POST
    @Path("{id}/end")
    @Operation(operationId = "endLink",
            summary = "End a link: validTo becomes that date (still active on it), earlier or later than before")
    public LinkView end(@PathParam("id") long id, @Valid @NotNull EndRequest request) {
        return links.end(id, request.date(), caller.bureauRegion());
    }

    @GET
    @Operation(operationId = "listLinks",
            summary = "Links of households inside the bureau's region, by cooperative and/or household")
    public Page<LinkView> search(@QueryParam("cooperativeId") Long cooperativeId,
                                 @QueryParam("householdId") Long householdId,
                                 @Valid @BeanParam PageParams page) {
        return links.search(caller.bureauRegion(), cooperativeId,
                householdId, page.request());
    }

    @POST
    @Path("import")
    @Consumes({SpreadsheetMedia.CSV, SpreadsheetMedia.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(operationId = "importLinks",
            summary = "Import a link list (CSV or XLSX): all rows or none", description = Uploads.LIMITS)
    @APIResponse(responseCode = "201",
            description = "Every row was imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importFile(byte[] content) {
        return imported(content);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importLinksForm",
            summary = "Import a link list sent as a multipart form file", description = Uploads.LIMITS)
    @APIResponse(responseCode = "201",
            description = "Every row was imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importForm(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return imported(Uploads.single(files));
    }

    @GET
    @Path("import/template")
    @Produces(SpreadsheetMedia.CSV)
    @Operation(operationId = "getLinkTemplate",
            summary = "The CSV template of a link list")
    public Response template() {
        return Templates.download(LinkColumns.COLUMNS, LinkColumns.EXAMPLE, "links-template.csv");
    }

    private Response imported(byte[] content) {
        ImportResult result = links.importLinks(TabularFile.read(content, LinkColumns.COLUMNS), caller.bureauRegion());
        return result.created();
    }
}
