package cn.bangfu.market.households;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Household changes recorded ahead of their day (有进有出) take effect: every minute, the households
 * whose day has come get today's members and category ({@link HouseholdService#followChangesTakingEffect}).
 * A minute, not a midnight cron: an instance that was down at midnight catches up at start, and
 * the look is one probe of a partial index.
 */
@ApplicationScoped
class ChangesTakingEffect {

    private static final Logger LOG = Logger.getLogger(ChangesTakingEffect.class);
    /** Households followed per transaction: a roster's changes for 1 January are followed in short steps. */
    static final int BATCH = 1_000;

    private final HouseholdService households;

    ChangesTakingEffect(HouseholdService households) {
        this.households = households;
    }

    @Scheduled(identity = "household-changes-taking-effect", every = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        int total = 0;
        int followed;
        do {
            followed = households.followChangesTakingEffect(BATCH);
            total += followed;
        } while (followed == BATCH);
        if (total > 0) {
            LOG.infof("%d households took on changes effective by today", total);
        }
    }
}
