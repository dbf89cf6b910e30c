package cn.bangfu.market.income;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Income records made by a cooperative for its own households; each answers the contributions it created. */
@Path("/api/v1/cooperatives/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COOPERATIVE)
@Tag(name = "Income")
public class CooperativeIncomeResource {

    @Inject
    IncomeService income;

    @Inject
    Caller caller;

    @POST
    @Path("procurements")
    @Operation(operationId = "recordProcurement",
            summary = "Record a purchase from a household (订单收购), paid at least the link's floor price")
    @APIResponse(responseCode = "201",
            description = "The contribution rows this recording created, one per household",
            content = @Content(schema = @Schema(implementation = Records.Created.class)))
    public Response procurement(@PathParam("id") long id, @Valid @NotNull Records.Procurement request) {
        return created(income.procurement(own(id), request));
    }

    @POST
    @Path("wages")
    @Operation(operationId = "recordWage",
            summary = "Record days a household member worked (务工), at most 31 per record")
    @APIResponse(responseCode = "201",
            description = "The contribution rows this recording created, one per household",
            content = @Content(schema = @Schema(implementation = Records.Created.class)))
    public Response wage(@PathParam("id") long id, @Valid @NotNull Records.Wage request) {
        return created(income.wage(own(id), request));
    }

    @POST
    @Path("dividends")
    @Operation(operationId = "recordDividend",
            summary = "Declare a dividend (分红), split by weight among the DIVIDEND links active on its date")
    @APIResponse(responseCode = "201",
            description = "The contribution rows this recording created, one per household",
            content = @Content(schema = @Schema(implementation = Records.Created.class)))
    public Response dividend(@PathParam("id") long id, @Valid @NotNull Records.Dividend request) {
        return created(income.dividend(own(id), request));
    }

    @POST
    @Path("land-rent-accruals")
    @Operation(operationId = "accrueLandRent",
            summary = "Accrue land rent (土地流转租金) for [from, to] by each LAND_RENT link's active days")
    @APIResponse(responseCode = "201",
            description = "The contribution rows this recording created, one per household",
            content = @Content(schema = @Schema(implementation = Records.Created.class)))
    public Response landRent(@PathParam("id") long id, @Valid @NotNull Records.LandRentAccrual request) {
        return created(income.landRent(own(id), request));
    }

    private long own(long cooperativeId) {
        if (!caller.actsForCooperative(cooperativeId)) {
            throw ApiProblem.forbidden("you may record income only for your own cooperative");
        }
        return cooperativeId;
    }

    private static Response created(List<ContributionView> contributions) {
        return Response.status(Response.Status.CREATED).entity(new Records.Created(contributions)).build();
    }
}
