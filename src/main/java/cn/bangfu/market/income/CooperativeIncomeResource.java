package cn.bangfu.market.income;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.IdempotencyKeys;
import cn.bangfu.market.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Income recorded by an APPROVED cooperative for its own households: each command is one
 * recording, retried safely under its Idempotency-Key, answered with the rows it wrote.
 */
@Path("/api/v1/cooperatives/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COOPERATIVE)
@Tag(name = "Income")
public class CooperativeIncomeResource {

    private static final String CREATED = "The new recording and the contribution rows it wrote, one per household";
    private static final String REPLAYED = "The recording this Idempotency-Key already made, as it was made";
    private static final String LOCATION = "The URL of the new recording";
    private static final String KEY = "A key of the cooperative's choosing, unique per recording: a retry sends it "
            + "again and is answered the first recording (200), never a second payment";

    @Inject
    IncomeService income;

    @Inject
    Caller caller;

    @POST
    @Path("procurements")
    @Operation(operationId = "recordProcurement",
            summary = "Record a purchase from a household (订单收购), paid at least the link's floor price")
    @APIResponse(responseCode = "201", description = CREATED, headers = @Header(name = "Location",
            description = LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    @APIResponse(responseCode = "200", description = REPLAYED,
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    public Response procurement(@PathParam("id") long id, @HeaderParam(IdempotencyKeys.HEADER)
                                @Parameter(required = true, description = KEY) String key,
                                @Valid @NotNull Records.Procurement request) {
        return answer(income.procurement(own(id), key, caller.subject(), request));
    }

    @POST
    @Path("wages")
    @Operation(operationId = "recordWage",
            summary = "Record days a household member worked (务工), at most 31 per record")
    @APIResponse(responseCode = "201", description = CREATED, headers = @Header(name = "Location",
            description = LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    @APIResponse(responseCode = "200", description = REPLAYED,
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    public Response wage(@PathParam("id") long id, @HeaderParam(IdempotencyKeys.HEADER)
                         @Parameter(required = true, description = KEY) String key,
                         @Valid @NotNull Records.Wage request) {
        return answer(income.wage(own(id), key, caller.subject(), request));
    }

    @POST
    @Path("dividends")
    @Operation(operationId = "recordDividend",
            summary = "Declare a dividend (分红), split by weight among the DIVIDEND links active on its date")
    @APIResponse(responseCode = "201", description = CREATED, headers = @Header(name = "Location",
            description = LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    @APIResponse(responseCode = "200", description = REPLAYED,
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    public Response dividend(@PathParam("id") long id, @HeaderParam(IdempotencyKeys.HEADER)
                             @Parameter(required = true, description = KEY) String key,
                             @Valid @NotNull Records.Dividend request) {
        return answer(income.dividend(own(id), key, caller.subject(), request));
    }

    @POST
    @Path("land-rent-accruals")
    @Operation(operationId = "accrueLandRent",
            summary = "Accrue land rent (土地流转租金) for [from, to] by each LAND_RENT link's active days")
    @APIResponse(responseCode = "201", description = CREATED, headers = @Header(name = "Location",
            description = LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    @APIResponse(responseCode = "200", description = REPLAYED,
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    public Response landRent(@PathParam("id") long id, @HeaderParam(IdempotencyKeys.HEADER)
                             @Parameter(required = true, description = KEY) String key,
                             @Valid @NotNull Records.LandRentAccrual request) {
        return answer(income.landRent(own(id), key, caller.subject(), request));
    }

    private long own(long cooperativeId) {
        if (!caller.actsForCooperative(cooperativeId)) {
            throw ApiProblem.forbidden("you may record income only for your own cooperative", "你只能为本经营主体记录收益");
        }
        return cooperativeId;
    }

    /** 201 with the recording's URL, or 200 when the key replayed an earlier recording. */
    private static Response answer(IncomeService.Recorded recorded) {
        if (!recorded.created()) {
            return Response.ok(recorded.recording()).build();
        }
        return Response.created(URI.create(RecordingResource.PATH + "/" + recorded.recording().recordingId()))
                .entity(recorded.recording()).build();
    }
}
