package cn.bangfu.market.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code /console} itself goes to {@code /console/}: the page's relative links need the directory's URL. */
@ApplicationScoped
public class ConsoleRedirect {

    void route(@Observes Router router) {
        router.getWithRegex("/console").handler(rc -> {
            String query = rc.request().query();
            rc.redirect("/console/" + (query == null ? "" : "?" + query));
        });
    }
}
