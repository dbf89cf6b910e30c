package cn.bangfu.market.income;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.cooperatives.CooperativeService;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recordings of the ledger: read one, or correct one with a reversal (income-rules.md §4). */
@Path(RecordingResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COOPERATIVE, Roles.BUREAU})
@Tag(name = "Income")
public class RecordingResource {

    static final String PATH = "/api/v1/recordings";

    @Inject
    Recordings recordings;

    @Inject
    Caller caller;

    @GET
    @Path("{recordingId}")
    @Operation(operationId = "getRecording",
            summary = "A recording and its rows (the cooperative that made it, or bureau staff whose region holds it)")
    public RecordingView get(@PathParam("recordingId") long recordingId) {
        return recordings.get(recordingId, reader());
    }

    @POST
    @Path("{recordingId}/reversal")
    @Operation(operationId = "reverseRecording",
            summary = "Correct a procurement, wage, dividend or land-rent recording: one negated row per row, "
                    + "dated today (the cooperative that made it, or bureau staff whose region holds it)",
            description = "A recording is reversed at most once (409 after); order lines are corrected by returns "
                    + "(409); a reversal is not reversed (409). A reversed land-rent accrual releases its range, "
                    + "which can be accrued again.")
    @APIResponse(responseCode = "201", description = "The reversal recording and its negated rows",
            headers = @Header(name = "Location", description = "The URL of the reversal recording",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    public Response reverse(@PathParam("recordingId") long recordingId, @Valid @NotNull Records.Reversal request,
                            UriInfo uri) {
        RecordingView reversal = recordings.reverse(recordingId, request.reason(), caller.subject(), reader());
        return Response.created(uri.getBaseUriBuilder().path(PATH).path(Long.toString(reversal.recordingId())).build())
                .entity(reversal).build();
    }

    private CooperativeService.Reader reader() {
        return CooperativeService.Reader.of(caller);
    }
}
