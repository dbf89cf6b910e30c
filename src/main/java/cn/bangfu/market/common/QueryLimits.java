package cn.bangfu.market.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule for every query parameter of every endpoint, before any resource parses it:
 * at most {@value #MAX_VALUE_CHARS} characters, no control characters (a NUL would
 * otherwise reach PostgreSQL, which refuses it in text), and a region code
 * ({@code regionCode}, {@code villageCode}, {@code parentCode}, …) shaped like one: 6 or
 * 12 digits. No parameter of ours is longer (codes are 12 digits, search terms 100
 * characters); each endpoint still checks its own parameters' types and ranges. A
 * well-formed code of no region filters to nothing, like any unknown value.
 */
public class QueryLimits {

    static final int MAX_VALUE_CHARS = 200;
    static final int MAX_PARAMETERS = 32;
    static final Set<String> REGION_CODE_PARAMETERS = Set.of("regionCode", "villageCode", "parentCode",
            "buyerRegionCode", "sellerRegionCode", "provinceCode");
    /**
     * A region code as a query parameter: 6 or 12 digits, spaces around it forgiven; blank is no
     * filter. The check below and the published document (OpenApiContract) both use this text.
     */
    static final String REGION_CODE_QUERY = "^ *(?:(?:" + RegionCode.DIGITS + ") *)?$";
    private static final Pattern REGION_CODE = Pattern.compile(REGION_CODE_QUERY);

    // After matching, so after the endpoint's role check: a caller who may not call it learns 401/403,
    // not which of its parameters are wrong.
    @ServerRequestFilter
    public void check(ContainerRequestContext request, HttpServerRequest http) {
        String query = http.query();
        if (query == null || query.isEmpty()) {
            return; // most reads (GET /products/{id}) carry none: nothing to decode
        }
        Map<String, List<String>> parameters = request.getUriInfo().getQueryParameters();
        if (parameters.size() > MAX_PARAMETERS) {
            throw ApiProblem.badRequest("at most " + MAX_PARAMETERS + " query parameters",
                    "查询参数最多 " + MAX_PARAMETERS + " 个");
        }
        parameters.forEach((name, values) -> {
            Text nameProblem = TextRules.parameterProblem(name, 64);
            if (nameProblem != null) {
                throw ApiProblem.badRequest("a query parameter name " + nameProblem.english(),
                        "查询参数名" + nameProblem.chinese());
            }
            for (String value : values) {
                Text problem = TextRules.parameterProblem(value, MAX_VALUE_CHARS);
                if (problem != null) {
                    throw ApiProblem.invalidField(name, problem);
                }
                if (REGION_CODE_PARAMETERS.contains(name) && !REGION_CODE.matcher(value).matches()) {
                    throw ApiProblem.invalidField(name, "must be a region code of 6 or 12 digits", "必须是6位或12位区域代码");
                }
            }
        });
    }
}
