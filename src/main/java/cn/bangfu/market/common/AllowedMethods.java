package cn.bangfu.market.common;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The methods a path takes, read from the published OpenAPI document (src/openapi/openapi.json,
 * packaged as {@value #RESOURCE}; {@code OpenApiDocumentTest} keeps it equal to the one served), for
 * the {@code Allow} header that a 405 must carry (RFC 9110 §15.5.6). The framework answers 405
 * without it. Where two templates match a path, the one with more literal characters wins, as in
 * JAX-RS matching ({@code /households/at-risk} before {@code /households/{id}}).
 */
public final class AllowedMethods {

    public static final String RESOURCE = "openapi/openapi.json";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private record Route(Pattern pattern, int literalCharacters, String allow) {
    }

    private final List<Route> routes;

    private AllowedMethods(List<Route> routes) {
        this.routes = routes;
    }

    /** The routes of an OpenAPI document's {@code paths}; an absent member is no route. */
    public static AllowedMethods of(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> methods = new LinkedHashSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    methods.add(name.toUpperCase());
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD"); // JAX-RS answers HEAD wherever GET is
            }
            methods.add("OPTIONS");
            String template = path.getKey();
            routes.add(new Route(Pattern.compile(regex(template)), template.replaceAll("\\{[^}]*}", "").length(),
                    String.join(", ", methods)));
        }
        routes.sort(Comparator.comparingInt(Route::literalCharacters).reversed());
        return new AllowedMethods(List.copyOf(routes));
    }

    /** The {@code Allow} value of the most specific route matching the path; empty when none does. */
    public Optional<String> allow(String path) {
        for (Route route : routes) {
            if (route.pattern().matcher(path).matches()) {
                return Optional.of(route.allow());
            }
        }
        return Optional.empty();
    }

    /** A template as a regular expression: its literal text quoted, each {@code {parameter}} one segment. */
    private static String regex(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            if (open > at) {
                regex.append(Pattern.quote(template.substring(at, open)));
            }
            regex.append("[^/]+");
            at = close + 1;
        }
        return regex.append("/?").toString();
    }
}
