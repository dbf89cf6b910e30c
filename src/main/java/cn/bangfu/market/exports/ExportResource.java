package cn.bangfu.market.exports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.common.TextRules;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Function;

/** Ledgers for bureau staff as CSV (UTF-8 with BOM) or XLSX, streamed. */
@Path("/api/v1/exports")
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Exports")
public class ExportResource {

    static final String FILES = "format=csv|xlsx (csv by default); Chinese headers, English with lang=en; amounts in "
            + "yuan. CSV text cells that start with =, +, -, @, TAB or CR are written with a leading ' so that a "
            + "spreadsheet shows them as text and never runs them as a formula (OWASP CSV injection); amounts and "
            + "ids are numbers and are never prefixed. XLSX text is always a string cell, never a formula. At most "
            + "BANGFU_EXPORTS_MAX (4) exports stream at once per instance: the next is answered 429 with Retry-After.";

    @Inject
    ExportService exports;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Inject
    ExportSlots slots;

    @GET
    @Path("household-income")
    @Operation(operationId = "exportHouseholdIncome",
            summary = "The household income ledger (台账) of a region for a year: one row per household, ID numbers masked",
            description = ExportResource.FILES)
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = {@Content(mediaType = SpreadsheetMedia.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = SpreadsheetMedia.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response householdIncome(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year,
                                    @QueryParam("format") ExportFormat format,
                                    @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = LANG))
                                    @QueryParam("lang") String lang,
                                    @Context RoutingContext routing) {
        return send(routing, closed -> exports.householdIncome(caller.bureauRegion(), regionCode,
                clock.yearOrCurrent(year), ExportFormat.orDefault(format), english(lang), closed));
    }

    @GET
    @Path("contributions")
    @Operation(operationId = "exportContributions",
            summary = "The contribution ledger of a region between two dates: one row per contribution",
            description = ExportResource.FILES)
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = {@Content(mediaType = SpreadsheetMedia.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = SpreadsheetMedia.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response contributions(@QueryParam("regionCode") String regionCode, @QueryParam("from") LocalDate from,
                                  @QueryParam("to") LocalDate to, @QueryParam("format") ExportFormat format,
                                  @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = LANG))
                                  @QueryParam("lang") String lang, @Context RoutingContext routing) {
        return send(routing, closed -> exports.contributions(caller.bureauRegion(), regionCode,
                from, to, ExportFormat.orDefault(format),
                english(lang), closed));
    }

    @GET
    @Path("alerts")
    @Operation(operationId = "exportAlerts",
            summary = "The early-warning list of a region for a year: one row per household with a reason",
            description = ExportResource.FILES)
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = {@Content(mediaType = SpreadsheetMedia.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = SpreadsheetMedia.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "422", description = "The region's province has no monitoring line for the year")
    public Response alerts(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year,
                           @QueryParam("format") ExportFormat format,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = LANG))
                           @QueryParam("lang") String lang,
                           @Context RoutingContext routing) {
        return send(routing, closed -> exports.alerts(caller.bureauRegion(), regionCode,
                clock.yearOrCurrent(year), ExportFormat.orDefault(format), english(lang), closed));
    }

    @GET
    @Path("cooperatives")
    @Operation(operationId = "exportCooperatives",
            summary = "The 联农带农 assessment of a region's business entities for a year: one row per entity",
            description = "The figures of GET /reports/cooperatives, one column per mechanism and per household "
                    + "category, and returnedBp as a percentage. " + ExportResource.FILES)
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = {@Content(mediaType = SpreadsheetMedia.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = SpreadsheetMedia.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response cooperatives(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year,
                                 @QueryParam("format") ExportFormat format,
                                 @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = LANG))
                                 @QueryParam("lang") String lang,
                                 @Context RoutingContext routing) {
        return send(routing, closed -> exports.cooperatives(caller.bureauRegion(), regionCode,
                clock.yearOrCurrent(year), ExportFormat.orDefault(format), english(lang), closed));
    }

    /** What {@link #english} takes, for the published document; ExportLanguageTest holds it to the method. */
    static final String LANG = "^(?:" + TextRules.BLANK_QUERY_VALUE + "| *(?:[eE][nN]|[zZ][hH])(?:-"
            + TextRules.QUERY_TEXT + ")? *)$";

    /** {@code lang=en} (or en-US, …) for English headers; Chinese when absent or zh…; anything else is a 400. */
    static boolean english(String lang) {
        if (lang == null || lang.isBlank()) {
            return false;
        }
        String tag = lang.trim().toLowerCase(java.util.Locale.ROOT);
        if (tag.equals("en") || tag.startsWith("en-")) {
            return true;
        }
        if (tag.equals("zh") || tag.startsWith("zh-")) {
            return false;
        }
        throw ApiProblem.invalidField("lang", "must be zh or en", "必须是 zh 或 en");
    }

    private Response send(RoutingContext routing, Function<ExportService.ClientGone, ExportService.Export> prepare) {
        return send(slots, routing, prepare);
    }

    /** Streams an export in one of the instance's export slots (429 when none is free). */
    static Response send(ExportSlots slots, RoutingContext routing,
                         Function<ExportService.ClientGone, ExportService.Export> prepare) {
        HttpServerResponse response = routing.response();
        return attachment(slots.stream(routing, () -> prepare.apply(response::closed)));
    }

    private static Response attachment(ExportService.Export export) {
        String encoded = URLEncoder.encode(export.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(export.body())
                .type(export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.asciiFileName()
                        + "\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "no-store")
                .build();
    }
}
