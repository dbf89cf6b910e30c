package cn.bangfu.market.common;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" for dates the service stamps itself (delivery, return): the business time zone, Asia/Shanghai by default. */
@ApplicationScoped
public class BusinessClock {

    private final ZoneId zone;

    public BusinessClock(@ConfigProperty(name = "bangfu.business-zone", defaultValue = "Asia/Shanghai") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** A {@code ?year=} parameter, the current business year when absent (400 when not a number). */
    public int yearOrCurrent(String raw) {
        return Params.optionalInt("year", raw, today().getYear());
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
