package cn.bangfu.market.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** "Today" for dates the service stamps itself (delivery, return): the business time zone, Asia/Shanghai by default. */
@ApplicationScoped
public class BusinessClock {

    /** {@code bangfu.business.zone} ({@code BANGFU_BUSINESS_ZONE}). */
    @ConfigMapping(prefix = "bangfu.business")
    public interface Config {
        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }

    private final ZoneId zone;

    BusinessClock(Config config) {
        this.zone = config.zone();
    }

    /**
     * Now, to the microsecond, as PostgreSQL keeps a timestamp: an answer made from the entity just
     * written says the same instant as every later read of it (a placing's 201 and its replay).
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** A {@code ?year=} parameter, the current business year when absent. */
    public int yearOrCurrent(Integer year) {
        return year == null ? today().getYear() : year;
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
