package cn.bangfu.market.households;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.SeedSql;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A change recorded ahead of its day moves the household's current members and category when the
 * day comes. The day is brought forward in the database (the service's clock is the real one):
 * the change and the household's next_change_on are moved one day back, as if a day had passed.
 */
@QuarkusTest
class ChangesTakingEffectTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String JOB = "household-changes-taking-effect";

    @Inject
    ChangesTakingEffect changesTakingEffect;

    @Inject
    HouseholdService households;

    @Inject
    Scheduler scheduler;

    @Inject
    DataSource dataSource;

    /** The service's own minute run would race the runs these tests make; they make them alone. */
    @BeforeEach
    void pauseTheMinuteRun() {
        scheduler.pause(JOB);
    }

    @AfterEach
    void resumeTheMinuteRun() {
        scheduler.resume(JOB);
    }

    @Test
    void theDayOfAChangeRecordedAheadMovesTodaysMembersAndCategory() throws SQLException {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        long tomorrows = Fixtures.newHousehold(village, Fixtures.uniqueCode("A"), 4);
        long later = Fixtures.newHousehold(village, Fixtures.uniqueCode("A"), 4);
        change(tomorrows, TODAY.plusDays(1), 2, "MONITORED_UNSTABLE");
        change(later, TODAY.plusDays(2), 3, null);
        assertThat(nextChangeOn(tomorrows)).isEqualTo(TODAY.plusDays(1));
        assertThat(nextChangeOn(later)).isEqualTo(TODAY.plusDays(2));
        current(tomorrows, 4, "POVERTY_ALLEVIATED");

        passADay(tomorrows);
        passADay(later);
        changesTakingEffect.follow();

        current(tomorrows, 2, "MONITORED_UNSTABLE");
        assertThat(nextChangeOn(tomorrows)).isNull();
        current(later, 4, "POVERTY_ALLEVIATED"); // its day is still to come
        assertThat(nextChangeOn(later)).isEqualTo(TODAY.plusDays(1));
        assertThat(scheduler.getScheduledJob(JOB)).isNotNull();
    }

    @Test
    void oneInstanceAtATimeFollowsThem() throws SQLException {
        Fixtures.standardRegions();
        long household = Fixtures.newHousehold(Fixtures.newJingningVillage(), Fixtures.uniqueCode("A"), 4);
        change(household, TODAY.plusDays(1), 1, null);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, HouseholdService.CHANGES_TAKING_EFFECT_LOCK); // as another instance at it holds it
                lock.execute();
            }
            passADay(household);
            assertThat(households.followChangesTakingEffect(ChangesTakingEffect.BATCH)).isZero();
            current(household, 4, "POVERTY_ALLEVIATED");
            other.rollback();
        }
        assertThat(households.followChangesTakingEffect(ChangesTakingEffect.BATCH)).isPositive();
        current(household, 1, "POVERTY_ALLEVIATED");
    }

    @Test
    @Timeout(60) // waiting for the held row would wait for this very thread: a hang, failed here
    void aHouseholdARequestHoldsIsPassedOverNotWaitedFor() throws SQLException {
        Fixtures.standardRegions();
        long household = Fixtures.newHousehold(Fixtures.newJingningVillage(), Fixtures.uniqueCode("A"), 4);
        change(household, TODAY.plusDays(1), 3, null);
        passADay(household);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select 1 from household where id = ? for update")) {
                lock.setLong(1, household); // as a correction or an import in progress holds it
                lock.execute();
            }
            households.followChangesTakingEffect(ChangesTakingEffect.BATCH); // returns at once
            assertThat(nextChangeOn(household)).isEqualTo(TODAY); // still due
            other.rollback();
        }
        households.followChangesTakingEffect(ChangesTakingEffect.BATCH);
        current(household, 3, "POVERTY_ALLEVIATED");
        assertThat(nextChangeOn(household)).isNull();
    }

    private static void change(long household, LocalDate effectiveFrom, int members, String category) {
        Map<String, Object> body = new HashMap<>(Map.of("effectiveFrom", effectiveFrom.toString(),
                "members", members, "reason", "记录在前"));
        if (category != null) {
            body.put("category", category);
        }
        Api.asBureau(Fixtures.JINGNING).body(body).post("/api/v1/households/" + household + "/changes")
                .then().statusCode(201);
    }

    private static void current(long household, int members, String category) {
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200)
                .body("members", equalTo(members)).body("category", equalTo(category));
    }

    /** As if a day had passed for this household: its dated changes and its next change one day earlier. */
    private static void passADay(long household) {
        SeedSql.update("update household_change set effective_from = effective_from - 1 "
                + "where household_id = ? and effective_from is not null", household);
        assertThat(SeedSql.update("update household set next_change_on = next_change_on - 1 where id = ?",
                household)).isEqualTo(1);
    }

    private LocalDate nextChangeOn(long household) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select next_change_on from household where id = ?")) {
            query.setLong(1, household);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1, LocalDate.class);
            }
        }
    }
}
