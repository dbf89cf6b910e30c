package cn.bangfu.market.regions;

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

/**
 * Administrative regions. Any authenticated caller reads them (buyers and cooperatives need
 * region codes too); creating is for bureau staff inside their region. Not public: the
 * contract lists only the catalogue, health and OpenAPI as such.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Regions")
public class RegionResource {

    @Inject
    RegionService regions;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "createRegion",
            summary = "Register a region (bureau, inside its region or the region itself; a province by the "
                    + "national root 000000 or its own bureau)")
    @APIResponse(responseCode = "201",
            description = "The new region; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new region",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RegionView.class)))
    public Response create(@Valid @NotNull RegionRequest request, UriInfo uri) {
        RegionView created = regions.create(request, caller.bureauRegion());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "getRegion",
            summary = "One region by code (bureau staff: a region inside theirs, or one that contains theirs)")
    public RegionView get(@PathParam("code") String code) {
        return regions.get(code, caller.bureauRegion());
    }

    @GET
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "listRegions",
            summary = "Children of a region (provinces when parentCode is absent) that the bureau may read",
            description = "All children of a region inside the bureau's; of a region that contains the bureau's, "
                    + "the one child on the way down to it (403 for a region elsewhere).")
    public Page<RegionView> list(@QueryParam("parentCode") String parentCode,
                                 @Valid @BeanParam PageParams page) {
        return regions.children(parentCode, caller.bureauRegion(), page.request());
    }
}
