package cn.bangfu.market.income;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static cn.bangfu.market.support.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations V9 to V12 on a database that already holds v1 data: every earlier ledger row gets
 * one recording per business action that wrote it, order lines get the share of their product,
 * the ledger stays append-only, every household gets its registration as its first change, and
 * earlier years get their kept year figures.
 */
class RecordingMigrationTest {

    @Test
    void earlierRowsGetOneRecordingPerBusinessAction() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            migrate(db, "8");
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into region (code, name, level, path) values ('620000', '甘肃省', 'PROVINCE', '/620000/');
                        insert into cooperative (id, name, credit_code, kind, region_code, status)
                            values (1, '红果合作社', '93620826MA71234567', 'COOPERATIVE', '620000', 'APPROVED');
                        insert into household (id, code, head_name, id_number, village_code, members, category)
                            values (1, 'H1', '张三', '620826199001011234', '620000', 3, 'ORDINARY'),
                                   (2, 'H2', '李四', '620826199001015678', '620000', 2, 'ORDINARY');
                        insert into product (id, cooperative_id, name, category, unit, price_fen, stock,
                                             household_share_bp, status)
                            values (1, 1, '静宁苹果', 'FRUIT', '箱', 100, 10, 1500, 'ACTIVE');
                        insert into benefit_link (id, cooperative_id, household_id, mechanism, valid_from, weight)
                            values (1, 1, 1, 'SALES_SHARE', '2025-01-01', 1), (2, 1, 1, 'DIVIDEND', '2025-01-01', 1),
                                   (3, 1, 2, 'DIVIDEND', '2025-01-01', 1);
                        insert into buyer (id, name, kind, region_code) values (1, '武清商贸', 'ENTERPRISE', '620000');
                        insert into consumption_order (id, buyer_id, status, idempotency_key, request_hash, total_fen,
                                                       placed_at, delivered_on)
                            values (1, 1, 'DELIVERED', 'k', repeat('a', 64), 100, now(), '2025-06-01');
                        insert into order_line (id, order_id, line_no, product_id, cooperative_id, product_name,
                                                quantity, unit_price_fen, amount_fen, returned, returned_on)
                            values (1, 1, 1, 1, 1, '静宁苹果', 1, 100, 100, true, '2025-06-03');
                        insert into contribution (id, household_id, cooperative_id, link_id, mechanism, amount_fen, date,
                                                  source_type, source_id, reversal_of)
                            values (1, 1, 1, 1, 'SALES_SHARE', 15, '2025-06-01', 'ORDER_LINE', 1, null),
                                   (2, 1, 1, 1, 'SALES_SHARE', -15, '2025-06-03', 'ORDER_LINE', 1, 1),
                                   (3, 1, 1, 2, 'DIVIDEND', 51, '2025-06-30', 'DIVIDEND', 7, null),
                                   (4, 2, 1, 3, 'DIVIDEND', 50, '2025-06-30', 'DIVIDEND', 7, null);
                        """);
            }

            migrate(db, "9");

            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                assertThat(rows(s, """
                        select r.kind || ' ' || r.source_id || ' ' || r.recorded_by || ' '
                               || string_agg(c.id::text, ',' order by c.id)
                        from recording r join contribution c on c.recording_id = r.id
                        group by r.id order by min(c.id)""")).containsExactly(
                        "ORDER_DELIVERY 1 before-v1.1 1",
                        "ORDER_RETURN 1 before-v1.1 2",
                        "DIVIDEND 7 before-v1.1 3,4");
                assertThat(rows(s, "select count(*) from contribution where recorded_by is null or recording_id is null"))
                        .containsExactly("0");
                assertThat(rows(s, "select household_share_bp from order_line")).containsExactly("1500");
                assertThatThrownBy(() -> s.execute("update contribution set amount_fen = 0"))
                        .hasMessageContaining("append-only");
            }

            // V10: every household registered before it gets its registration as the first change
            migrate(db, "10");
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                assertThat(rows(s, """
                        select h.code || ' ' || hc.members || ' ' || hc.category || ' ' || hc.recorded_by
                        from household h join household_change hc on hc.household_id = h.id
                        where hc.effective_from is null order by h.code""")).containsExactly(
                        "H1 3 ORDINARY before-v1.1", "H2 2 ORDINARY before-v1.1");
                assertThat(rows(s, "select members || ' ' || category from household_on(1, date '2020-01-01')"))
                        .containsExactly("3 ORDINARY");
                s.execute("insert into household_change (id, household_id, effective_from, members, recorded_by, "
                        + "recorded_at) values (1000, 2, '2025-07-01', 4, 'test', now())");
            }

            // V11: a household with a dated change says so, and household_on reads the row or the history
            migrate(db, "11");
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                assertThat(rows(s, "select code || ' ' || changed from household order by code"))
                        .containsExactly("H1 false", "H2 true");
                assertThat(rows(s, """
                        select h.code || ' ' || m.members from household h
                        cross join lateral household_on(h, date '2025-12-31') m order by h.code"""))
                        .containsExactly("H1 3", "H2 4");
                s.execute("insert into household_other_income (household_id, year, amount_fen) values (2, 2025, 1001)");
            }

            // V12: the year figures of earlier years are kept, equal to those computed from scratch
            migrate(db, "12");
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                // H1: 15 − 15 + 51 over 3; H2: 50 + 1,001 over 4 (as of 31 December 2025)
                assertThat(rows(s, """
                        select household_id || ' ' || year || ' ' || members || ' ' || contributions_fen || ' '
                               || other_fen || ' ' || per_capita_fen from household_year order by household_id"""))
                        .containsExactly("1 2025 3 51 0 17", "2 2025 4 50 1001 262");
                assertThat(rows(s, """
                        select count(*) from (select * from household_year except select * from household_year_recomputed
                                              union all
                                              select * from household_year_recomputed except select * from household_year) d"""))
                        .containsExactly("0");
            }
        }
    }

    private static void migrate(DataSource db, String target) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load().migrate();
    }
}
