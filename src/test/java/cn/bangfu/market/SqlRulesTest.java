package cn.bangfu.market;

import cn.bangfu.market.common.TextRules;
import cn.bangfu.market.income.AlertReason;
import cn.bangfu.market.income.IncomeRules;
import cn.bangfu.market.links.LinkRules;
import cn.bangfu.market.common.AssessmentRules;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules said once in SQL (migrations V7, V8) and once in Java agree, on random cases run through the
 * real PostgreSQL functions: at risk (below_monitoring_line, IncomeRules.atRisk) and a link in force
 * (link_active, LinkRules.overlaps).
 */
@QuarkusTest
class SqlRulesTest {

    private static final int CASES = 2_000;

    @Inject
    EntityManager em;

    @Test
    void linkActiveInSqlIsOverlapsInJava() {
        Random random = new Random(8);
        LocalDate base = LocalDate.of(2026, 1, 1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            LocalDate validFrom = base.plusDays(random.nextInt(60));
            LocalDate validTo = random.nextInt(4) == 0 ? null : validFrom.plusDays(random.nextInt(30));
            LocalDate first = base.plusDays(random.nextInt(60));
            LocalDate last = random.nextBoolean() ? first : first.plusDays(random.nextInt(30));
            boolean sql = (Boolean) em.createNativeQuery("select link_active(?1, ?2, ?3, ?4)")
                    .setParameter(1, validFrom).setParameter(2, validTo).setParameter(3, first)
                    .setParameter(4, last).getSingleResult();
            if (sql != LinkRules.overlaps(validFrom, validTo, first, last)) {
                failures.add(validFrom + ".." + validTo + " during " + first + ".." + last + ": SQL says " + sql);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** returned_bp (V18, the export's) is AssessmentRules.returnedBp (the report's), halves and negatives included. */
    @Test
    void returnedBpInSqlIsTheRuleInJava() {
        Random random = new Random(18);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            long sales = i % 10 == 0 ? -random.nextLong(0, 1_000) : random.nextLong(1, 100_000_000);
            long income = random.nextLong(-50_000_000, 100_000_000);
            if (i % 10 == 1) { // a half exactly: sales = 20000 m, income = (2k + 1) m → k + 0.5 bp
                long m = random.nextLong(1, 1_000);
                sales = 20_000 * m;
                income = (2L * random.nextInt(-20_000, 20_000) + 1) * m;
            }
            Object sql = em.createNativeQuery("select returned_bp(?1, ?2)").setParameter(1, income)
                    .setParameter(2, sales).getSingleResult();
            Long inJava = AssessmentRules.returnedBp(income, sales);
            Long fromSql = sql == null ? null : ((Number) sql).longValue();
            if (!Objects.equals(fromSql, inJava)) {
                failures.add("income " + income + ", sales " + sales + ": SQL says " + fromSql + ", Java " + inJava);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void belowMonitoringLineInSqlIsAtRiskInJava() {
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            long annual = random.nextLong(-2_000_000, 50_000_000);
            int members = 1 + random.nextInt(99);
            long line = random.nextLong(0, 1_000_000);
            boolean sql = (Boolean) em.createNativeQuery("select below_monitoring_line(per_capita(?1, ?2), ?3)")
                    .setParameter(1, annual).setParameter(2, members).setParameter(3, line).getSingleResult();
            if (sql != IncomeRules.atRisk(IncomeRules.perCapita(annual, members), line)) {
                failures.add("annual " + annual + ", members " + members + ", line " + line + ": SQL says " + sql);
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The alert lists find their candidates by two index ranges (migration V12): per capita below
     * near_line_bound, or relative_bp below 10000 − dropBp. Every household with a reason is a
     * candidate, and a drop is exactly that range.
     */
    @Test
    void everyHouseholdWithAReasonIsACandidateOfTheIndexRanges() {
        Random random = new Random(12);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            long line = random.nextLong(0, 1_000_000);
            int nearLineBp = 10_000 + random.nextInt(90_001);
            int dropBp = random.nextInt(10_001);
            long nearBound = line * nearLineBp / 10_000;
            long pc = switch (random.nextInt(3)) {
                case 0 -> random.nextLong(-100_000, 3_000_000);
                case 1 -> line + random.nextLong(-3, 4);
                default -> nearBound + random.nextLong(-3, 4);
            };
            long prev = random.nextInt(5) == 0 ? random.nextLong(-10, 1) : random.nextLong(1, 4_000_000);
            Object[] sql = (Object[]) em.createNativeQuery("""
                            select ?1 < near_line_bound(?3, ?4), relative_bp(?1, ?2) < 10000 - ?5""")
                    .setParameter(1, pc).setParameter(2, prev).setParameter(3, line).setParameter(4, nearLineBp)
                    .setParameter(5, dropBp).getSingleResult();
            boolean nearRange = (Boolean) sql[0];
            boolean dropRange = Boolean.TRUE.equals(sql[1]); // null without a positive previous per capita
            List<AlertReason> reasons = IncomeRules.alerts(pc, prev, line, nearLineBp, dropBp);
            boolean lineReason = reasons.contains(AlertReason.BELOW_LINE) || reasons.contains(AlertReason.NEAR_LINE);
            if (lineReason != nearRange || reasons.contains(AlertReason.INCOME_DROP) != dropRange) {
                failures.add("pc " + pc + ", prev " + prev + ", line " + line + ", near " + nearLineBp + ", drop "
                        + dropBp + ": ranges " + nearRange + "/" + dropRange + ", reasons " + reasons);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theServiceConnectsWithoutJit() {
        // application.properties: JIT compiles longer than it saves on our household lists and exports
        assertThat(em.createNativeQuery("show jit").getSingleResult()).isEqualTo("off");
    }

    @Test
    void perCapitaAndAlertReasonsInSqlAreTheRulesInJava() {
        Random random = new Random(5);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            long line = random.nextLong(0, 1_000_000);
            // around the line, its near bound and the drop bound, where a rounding or a bound would show
            long pc = random.nextBoolean() ? random.nextLong(-100_000, 3_000_000) : line + random.nextLong(-3, 4);
            long prev = random.nextInt(5) == 0 ? 0 : random.nextLong(-100_000, 4_000_000);
            int nearLineBp = 10_000 + random.nextInt(90_001);
            int dropBp = random.nextInt(10_001);
            @SuppressWarnings("unchecked")
            List<String> sql = List.of((String[]) em.createNativeQuery("select alert_reasons(?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, pc).setParameter(2, prev).setParameter(3, line).setParameter(4, nearLineBp)
                    .setParameter(5, dropBp).getSingleResult());
            List<String> java = IncomeRules.alerts(pc, prev, line, nearLineBp, dropBp).stream().map(Enum::name).toList();
            if (!sql.equals(java)) {
                failures.add("pc " + pc + ", prev " + prev + ", line " + line + ", near " + nearLineBp + ", drop "
                        + dropBp + ": SQL " + sql + ", Java " + java);
            }
            long annual = random.nextLong(-2_000_000, 50_000_000);
            int members = 1 + random.nextInt(99);
            long perCapita = ((Number) em.createNativeQuery("select per_capita(?1, ?2)").setParameter(1, annual)
                    .setParameter(2, members).getSingleResult()).longValue();
            if (perCapita != IncomeRules.perCapita(annual, members)) {
                failures.add("per capita of " + annual + " over " + members + ": SQL " + perCapita);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** 帮扶产品认定 (V16): both validity days count; the revocation day and after do not; no recognition, none. */
    @Test
    void recognizedOnCountsTheValidityUntilTheRevocationDay() {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        LocalDate revoked = LocalDate.of(2026, 7, 1);
        Object[][] cases = {
                {from, to, null, from.minusDays(1), false}, {from, to, null, from, true}, {from, to, null, to, true},
                {from, to, null, to.plusDays(1), false}, {from, to, revoked, revoked.minusDays(1), true},
                {from, to, revoked, revoked, false}, {from, to, revoked, to, false},
                {from, to, from, from, false}, {null, null, null, from, false},
        };
        for (Object[] c : cases) {
            boolean sql = (Boolean) em.createNativeQuery("select recognized_on(cast(?1 as date), cast(?2 as date), "
                            + "cast(?3 as date), cast(?4 as date))")
                    .setParameter(1, c[0]).setParameter(2, c[1]).setParameter(3, c[2]).setParameter(4, c[3])
                    .getSingleResult();
            assertThat(sql).as(java.util.Arrays.toString(c)).isEqualTo(c[4]);
        }
    }

    /**
     * text_grams (V22) holds every substring of one or two characters of a text, so the index cannot
     * miss a product a short search matches; and the search's predicate is answered from it, with
     * the statistics (V26) that estimate a rare gram as rare.
     */
    @Test
    @jakarta.transaction.Transactional
    void everyShortSubstringIsAGramAndTheSearchUsesTheIndex() {
        Random random = new Random(22);
        String alphabet = "静宁苹果平凉红牛庄浪花椒ab1 -";
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES / 4; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (int at = 0; at < text.length(); at++) {
                for (String gram : List.of(text.substring(at, at + 1), text.substring(at, Math.min(at + 2, text.length())))) {
                    boolean held = (Boolean) em.createNativeQuery("select text_grams(?1) @> array[cast(?2 as text)]")
                            .setParameter(1, text.toString()).setParameter(2, gram).getSingleResult();
                    if (!held) {
                        failures.add("'" + text + "' lacks '" + gram + "'");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        // 静 宁 苹 果, 静宁 宁苹 苹果
        assertThat(em.createNativeQuery("select cardinality(text_grams('静宁苹果'))").getSingleResult()).isEqualTo(7);
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        // as V22 wrote the rule, and as the search calls it (V25: the text first, inlined twice over)
        for (String predicate : List.of("product_has_gram(name, brand, '苹果')", "gram_of_product('苹果', name, brand)")) {
            String plan = String.join("\n", em.createNativeQuery("explain select id from product where " + predicate)
                    .getResultList().stream().map(Object::toString).toList());
            assertThat(plan).as(predicate).contains("product_grams_idx");
        }
        // V26: ANALYZE keeps enough of the grams to tell a rare one from a common one
        assertThat(((Number) em.createNativeQuery("select attstattarget from pg_attribute "
                + "where attrelid = 'product_grams_idx'::regclass and attnum = 1").getSingleResult()).intValue())
                .isEqualTo(1000);
    }

    /**
     * The test a broad search's page is read with (V27, along the catalogue's order) finds exactly the
     * products its index finds: V22's gram for one or two characters, the LIKE of longer texts.
     */
    @Test
    void theWalkingTestIsTheIndexedOne() {
        Random random = new Random(27);
        String alphabet = "静宁苹果平凉红牛庄浪ABab1 -%_\\";
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES / 4; i++) {
            String name = randomText(random, alphabet, 1 + random.nextInt(10));
            String brand = random.nextInt(4) == 0 ? null : randomText(random, alphabet, random.nextInt(6));
            String whole = name + (brand == null ? "" : brand);
            // mostly a piece of the name or the brand (or across both, which must not match), else random
            int from = random.nextInt(whole.length());
            String text = (random.nextBoolean() ? whole.substring(from, Math.min(whole.length(), from + 1 + random.nextInt(4)))
                    : randomText(random, alphabet, 1 + random.nextInt(3))).toLowerCase(Locale.ROOT);
            Object[] both = (Object[]) em.createNativeQuery("select text_in_product(?1, ?2, ?3), case when length(?1) <= 2 "
                            + "then gram_of_product(?1, ?2, ?3) else lower(?2) like ?4 escape '\\' "
                            + "or lower(coalesce(?3, '')) like ?4 escape '\\' end")
                    .setParameter(1, text).setParameter(2, name).setParameter(3, brand)
                    .setParameter(4, "%" + TextRules.likeEscaped(text) + "%").getSingleResult();
            if (!Objects.equals(both[0], both[1])) {
                failures.add("'" + text + "' in '" + name + "' / '" + brand + "': walking " + both[0] + ", indexed " + both[1]);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < length; n++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * V28: a region's code, parent and path stay as created and the region stays, so that the paths
     * the service keeps (RegionService.path) stay true; its name and flags may change.
     */
    @Test
    void aRegionsPathIsFixedAndItsNameIsNot() {
        Fixtures.standardRegions();
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        for (String change : List.of("update region set path = '/620000/' || code || '/' where code = ?1",
                "update region set parent_code = '620000' where code = ?1",
                "update region set code = '620826999000' where code = ?1",
                "delete from region where code = ?1")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(change).setParameter(1, township).executeUpdate()))
                    .as(change).hasStackTraceContaining("are fixed and regions are not removed");
        }
        QuarkusTransaction.requiringNew().run(() -> assertThat(em.createNativeQuery(
                        "update region set name = '新设镇（更名）', key_assistance = true where code = ?1")
                .setParameter(1, township).executeUpdate()).isEqualTo(1));
        assertThat(em.createNativeQuery("select name || path from region where code = ?1").setParameter(1, township)
                .getSingleResult()).isEqualTo("新设镇（更名）/620000/620800/620826/" + township + "/");
    }
}
