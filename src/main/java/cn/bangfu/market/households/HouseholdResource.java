package cn.bangfu.market.households;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.common.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.util.List;

/** Households (农户): bureau staff only, inside their region. */
@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Households")
public class HouseholdResource {

    @Inject
    HouseholdService households;

    @Inject
    Caller caller;

    @Inject
    StrictJson strictJson;

    @POST
    @Operation(operationId = "registerHousehold",
            summary = "Register a household in a village of the bureau's region")
    @APIResponse(responseCode = "201",
            description = "The new household; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new household",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = HouseholdView.class)))
    public Response register(@Valid @NotNull HouseholdRequest request, UriInfo uri) {
        HouseholdView created = households.register(request, caller.bureauRegion(), caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getHousehold",
            summary = "One household (ID number masked)")
    public HouseholdView get(@PathParam("id") long id) {
        return households.get(id, caller.bureauRegion());
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "correctHousehold",
            summary = "Correct head name, phone, village (inside the bureau's region) or ID number",
            description = "Only the fields present change; each change is kept in the household's history "
                    + "(who, when, old → new; ID numbers masked). Members and category change by dated changes "
                    + "(POST /households/{id}/changes): unknown fields are refused (400).")
    @RequestBody(content = @Content(schema = @Schema(implementation = HouseholdPatch.class)))
    public HouseholdView correct(@PathParam("id") long id, JsonNode body) throws IOException {
        return households.correct(id, strictJson.read(body, HouseholdPatch.class), caller.bureauRegion(),
                caller.subject());
    }

    @POST
    @Path("{id}/changes")
    @Operation(operationId = "recordHouseholdChange",
            summary = "Record a dated change of members, category or both (有进有出)",
            description = "Members and category on a day are those of the latest change effective on or before it; "
                    + "a year's figures take them as of 31 December. A change dated ahead moves the household's "
                    + "current members and category on its day.")
    @APIResponse(responseCode = "201", description = "The change; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the change",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = HouseholdHistory.ChangeView.class)))
    public Response recordChange(@PathParam("id") long id, @Valid @NotNull HouseholdHistory.ChangeRequest request,
                                 UriInfo uri) {
        HouseholdHistory.ChangeView change = households.recordChange(id, request, caller.bureauRegion(),
                caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(change.id())).build())
                .entity(change).build();
    }

    @GET
    @Path("{id}/changes")
    @Operation(operationId = "getHouseholdHistory",
            summary = "The registration and every change (oldest first), and the corrections of the record")
    public HouseholdHistory history(@PathParam("id") long id) {
        return households.history(id, caller.bureauRegion());
    }

    @GET
    @Path("{id}/changes/{changeId}")
    @Operation(operationId = "getHouseholdChange", summary = "One change of a household")
    public HouseholdHistory.ChangeView change(@PathParam("id") long id, @PathParam("changeId") long changeId) {
        return households.change(id, changeId, caller.bureauRegion());
    }

    @GET
    @Operation(operationId = "listHouseholds",
            summary = "Households in a village or any region above it, inside the bureau's region")
    public Page<HouseholdView> search(@QueryParam("villageCode") String villageCode,
                                      @QueryParam("regionCode") String regionCode,
                                      @QueryParam("category") HouseholdCategory category,
                                      @Parameter(description = "The start of a household code, or a part of the head's name")
                                      @QueryParam("q") String q,
                                      @Valid @BeanParam PageParams page) {
        return households.search(caller.bureauRegion(), villageCode != null ? villageCode : regionCode,
                category, q, page.request());
    }

    @PUT
    @Path("{id}/other-income/{year}")
    @Operation(operationId = "declareOtherIncome",
            summary = "Declare the household's income from all other sources for a year")
    public OtherIncome.View declareOtherIncome(@PathParam("id") long id, @PathParam("year") int year,
                                               @Valid @NotNull OtherIncome.Request request) {
        return households.declareOtherIncome(id, year,
                request.amountFen(), caller.bureauRegion());
    }

    @POST
    @Path("import")
    @Consumes({SpreadsheetMedia.CSV, SpreadsheetMedia.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(operationId = "importHouseholds",
            summary = "Import a household roster (CSV or XLSX): all rows or none", description = Uploads.LIMITS)
    @APIResponse(responseCode = "201",
            description = "Every row was imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importFile(byte[] content) {
        return imported(content);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importHouseholdsForm",
            summary = "Import a household roster sent as a multipart form file", description = Uploads.LIMITS)
    @APIResponse(responseCode = "201",
            description = "Every row was imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importForm(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return imported(Uploads.single(files));
    }

    @GET
    @Path("import/template")
    @Produces(SpreadsheetMedia.CSV)
    @Operation(operationId = "getHouseholdTemplate",
            summary = "The CSV template of a household roster")
    public Response template() {
        return Templates.download(HouseholdColumns.COLUMNS, HouseholdColumns.EXAMPLE, "households-template.csv");
    }

    private Response imported(byte[] content) {
        ImportResult result = households.importRoster(TabularFile.read(content, HouseholdColumns.COLUMNS),
                caller.bureauRegion(), caller.subject());
        return result.created();
    }
}
