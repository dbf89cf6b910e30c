package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a mapper looks for the failure that decides the status. */
class ProblemCausesTest {

    @Test
    void aCommitCutOffByTheDatabaseIsFoundAmongTheSuppressed() {
        // as Narayana reports a commit the server refused while shutting down (DatabaseRestartIT)
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(shutdown);
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        RuntimeException undeclared = new RuntimeException("Error invoking subclass method", rollback);

        assertThat(ProblemMappers.causesOf(undeclared)).containsSubsequence(undeclared, rollback, xa, shutdown);
        assertThat(ProblemMappers.causesOf(undeclared).stream()
                .anyMatch(t -> t instanceof SQLException sql && DatabaseFailures.isUnavailable(sql))).isTrue();
    }

    @Test
    void causesComeBeforeSuppressedAndCyclesEnd() {
        IllegalStateException inner = new IllegalStateException("inner");
        IllegalStateException outer = new IllegalStateException("outer", inner);
        IllegalArgumentException aside = new IllegalArgumentException("aside");
        outer.addSuppressed(aside);
        inner.addSuppressed(outer); // a cycle

        assertThat(ProblemMappers.causesOf(outer)).containsExactly(outer, inner, aside);
    }
}
