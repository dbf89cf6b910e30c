package cn.bangfu.market.exports;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Params;
import cn.bangfu.market.common.Roles;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ledgers for bureau staff as CSV (UTF-8 with BOM) or XLSX, streamed. */
@Path("/api/v1/exports")
@RolesAllowed(Roles.BUREAU)
@Tag(name = "Exports")
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @GET
    @Path("household-income")
    @Operation(summary = "The household income ledger (台账) of a region for a year: one row per household, ID numbers masked",
            description = "format=csv|xlsx (csv by default); Chinese headers, English with lang=en; amounts in yuan.")
    public Response householdIncome(@QueryParam("regionCode") String regionCode, @QueryParam("year") String year,
                                    @QueryParam("format") String format, @QueryParam("lang") String lang,
                                    @Context HttpServerResponse response) {
        return send(exports.householdIncome(caller.bureauRegion(), regionCode,
                clock.yearOrCurrent(year), ExportFormat.parse(format), english(lang),
                response::closed));
    }

    @GET
    @Path("contributions")
    @Operation(summary = "The contribution ledger of a region between two dates: one row per contribution")
    public Response contributions(@QueryParam("regionCode") String regionCode, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("format") String format,
                                  @QueryParam("lang") String lang, @Context HttpServerResponse response) {
        return send(exports.contributions(caller.bureauRegion(), regionCode, Params.optionalDate("from", from),
                Params.optionalDate("to", to), ExportFormat.parse(format), english(lang), response::closed));
    }

    private static boolean english(String lang) {
        return lang != null && lang.trim().toLowerCase().startsWith("en");
    }

    private static Response send(ExportService.Export export) {
        String encoded = URLEncoder.encode(export.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(export.body())
                .type(export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.asciiFileName()
                        + "\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "no-store")
                .build();
    }
}
