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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
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

/** Paired-region purchase agreements and their live progress. */
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementResource {

    @Inject
    AgreementService agreements;

    @Inject
    Caller caller;

    @Inject
    RegionService regions;

    @POST
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "createAgreement",
            summary = "Create an agreement (a bureau whose region contains the seller region)")
    @APIResponse(responseCode = "201",
            description = "The new agreement; `Location` is its URL",
            headers = @Header(name = "Location", description = "The URL of the new agreement",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    public Response create(@Valid @NotNull AgreementRequest request, UriInfo uri) {
        AgreementView created = agreements.create(request, caller.bureauRegion());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "listAgreements",
            summary = "Agreements with a party (seller or buyer region) in the bureau's region, optionally of one year",
            description = "By id. `regionCode` narrows to a region inside the bureau's (403 outside it).")
    public Page<AgreementView> search(@QueryParam("year") Integer year, @QueryParam("regionCode") String regionCode,
                                      @Valid @BeanParam PageParams page) {
        return agreements.search(caller.bureauRegion(), year, regionCode, page.request());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BUREAU, Roles.COOPERATIVE, Roles.BUYER})
    @Operation(operationId = "getAgreement",
            summary = "One agreement (bureau staff with its buyer or seller region in theirs, a buyer inside its buyer "
                    + "region, a cooperative inside its seller region)")
    public AgreementView get(@PathParam("id") long id) {
        return AgreementView.of(agreements.requireReadable(id, Viewer.of(caller, regions)));
    }

    @GET
    @Path("{id}/progress")
    @RolesAllowed({Roles.BUREAU, Roles.COOPERATIVE, Roles.BUYER})
    @Operation(operationId = "getAgreementProgress",
            summary = "Target, realized (delivered minus returned), realized basis points, delivered orders and the "
                    + "year before (previous, growthBp)")
    public AgreementProgress progress(@PathParam("id") long id) {
        return agreements.progress(id, Viewer.of(caller, regions));
    }
}
