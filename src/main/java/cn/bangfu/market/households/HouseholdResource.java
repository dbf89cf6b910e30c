package cn.bangfu.market.households;

import jakarta.ws.rs.BeanParam;
import cn.bangfu.market.common.PageParams;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.imports.ImportResult;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

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

    @POST
    @Operation(summary = "Register a household in a village of the bureau's region")
    public Response register(@Valid @NotNull HouseholdRequest request, UriInfo uri) {
        HouseholdView created = households.register(request, caller.bureauRegion());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One household (ID number masked)")
    public HouseholdView get(@PathParam("id") long id) {
        return households.get(id, caller.bureauRegion());
    }

    @GET
    @Operation(summary = "Households in a village or any region above it, inside the bureau's region")
    public Page<HouseholdView> search(@QueryParam("villageCode") String villageCode,
                                      @QueryParam("regionCode") String regionCode,
                                      @QueryParam("category") HouseholdCategory category,
                                      @Valid @BeanParam PageParams page) {
        return households.search(caller.bureauRegion(), villageCode != null ? villageCode : regionCode,
                category, page.request());
    }

    @PUT
    @Path("{id}/other-income/{year}")
    @Operation(summary = "Declare the household's income from all other sources for a year")
    public OtherIncome.View declareOtherIncome(@PathParam("id") long id, @PathParam("year") int year,
                                               @Valid @NotNull OtherIncome.Request request) {
        return households.declareOtherIncome(id, year,
                request.amountFen(), caller.bureauRegion());
    }

    @POST
    @Path("import")
    @Consumes({Uploads.CSV, Uploads.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a household roster (CSV or XLSX): all rows or none", description = Uploads.LIMITS)
    public Response importFile(byte[] content) {
        return imported(content);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a household roster sent as a multipart form file", description = Uploads.LIMITS)
    public Response importForm(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return imported(Uploads.single(files));
    }

    @GET
    @Path("import/template")
    @Produces(Uploads.CSV)
    @Operation(summary = "The CSV template of a household roster")
    public Response template() {
        return Templates.download(HouseholdColumns.COLUMNS, HouseholdColumns.EXAMPLE, "households-template.csv");
    }

    private Response imported(byte[] content) {
        ImportResult result = households.importRoster(TabularFile.read(content, HouseholdColumns.COLUMNS),
                caller.bureauRegion());
        return result.created();
    }
}
