package cn.bangfu.market.regions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RegionCodesTest {

    @ParameterizedTest
    @CsvSource({
            "620000, PROVINCE", // 甘肃省
            "620800, CITY", // 平凉市
            "620826, COUNTY", // 静宁县
            "120114, COUNTY", // 天津市武清区
            "450224, COUNTY", // 融安县
            "440823, COUNTY", // 遂溪县
            "620826100000, TOWNSHIP", // 静宁县城关镇
            "620826100001, VILLAGE",
            "120114001000, TOWNSHIP"})
    void acceptsRealCodes(String code, RegionLevel level) {
        assertThat(RegionCodes.problem(code, level)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "620800, PROVINCE",
            "620826, CITY",
            "620800, COUNTY",
            "62082, COUNTY",
            "6208260, COUNTY",
            "62082A, COUNTY",
            "000000, PROVINCE",
            "620826, TOWNSHIP",
            "620826100001, TOWNSHIP",
            "620826000000, TOWNSHIP",
            "620800100000, TOWNSHIP",
            "620826100000, VILLAGE",
            "620826000001, VILLAGE",
            "62082610000１, VILLAGE"})
    void rejectsMalformedCodes(String code, RegionLevel level) {
        assertThat(RegionCodes.problem(code, level)).isPresent();
    }

    @Test
    void parentMustBeHigherAndSharePrefix() {
        assertThat(RegionCodes.canBeParent("620000", RegionLevel.PROVINCE, "620800", RegionLevel.CITY)).isTrue();
        assertThat(RegionCodes.canBeParent("620800", RegionLevel.CITY, "620826", RegionLevel.COUNTY)).isTrue();
        assertThat(RegionCodes.canBeParent("620826", RegionLevel.COUNTY, "620826100000", RegionLevel.TOWNSHIP)).isTrue();
        assertThat(RegionCodes.canBeParent("620826100000", RegionLevel.TOWNSHIP, "620826100201", RegionLevel.VILLAGE)).isTrue();
        // a level skipped: a municipality's district, a village under its county
        assertThat(RegionCodes.canBeParent("120000", RegionLevel.PROVINCE, "120114", RegionLevel.COUNTY)).isTrue();
        assertThat(RegionCodes.canBeParent("620826", RegionLevel.COUNTY, "620826100201", RegionLevel.VILLAGE)).isTrue();

        assertThat(RegionCodes.canBeParent("620000", RegionLevel.PROVINCE, "630826", RegionLevel.COUNTY)).isFalse();
        assertThat(RegionCodes.canBeParent("620800", RegionLevel.CITY, "620726", RegionLevel.COUNTY)).isFalse();
        assertThat(RegionCodes.canBeParent("620826100000", RegionLevel.TOWNSHIP, "620826101001", RegionLevel.VILLAGE)).isFalse();
        // not under its own level, nor under a lower one
        assertThat(RegionCodes.canBeParent("620800", RegionLevel.CITY, "620800", RegionLevel.CITY)).isFalse();
        assertThat(RegionCodes.canBeParent("620826", RegionLevel.COUNTY, "620800", RegionLevel.CITY)).isFalse();
        assertThat(RegionCodes.canBeParent("620826100201", RegionLevel.VILLAGE, "620826100000", RegionLevel.TOWNSHIP))
                .isFalse();
    }

    @Test
    void ancestorCodesAreTheRegionsAboveNearestFirst() {
        assertThat(RegionCodes.ancestorCodes("620826101001", RegionLevel.VILLAGE))
                .containsExactly("620826101000", "620826", "620800", "620000");
        assertThat(RegionCodes.ancestorCodes("120114", RegionLevel.COUNTY)).containsExactly("120100", "120000");
        assertThat(RegionCodes.ancestorCodes("620000", RegionLevel.PROVINCE)).isEmpty();
    }

    /** Property: every well-formed village code is valid, and changing its level to any other makes it invalid. */
    @Test
    void randomVillageCodesAreValidOnlyAsVillages() {
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            String code = String.format("%02d%02d%02d%03d%03d", 11 + random.nextInt(80), 1 + random.nextInt(99),
                    1 + random.nextInt(99), 1 + random.nextInt(999), 1 + random.nextInt(999));
            assertThat(RegionCodes.isValid(code, RegionLevel.VILLAGE)).as(code).isTrue();
            for (RegionLevel other : RegionLevel.values()) {
                if (other != RegionLevel.VILLAGE) {
                    assertThat(RegionCodes.isValid(code, other)).as(code + " as " + other).isFalse();
                }
            }
            String township = code.substring(0, 9) + "000";
            assertThat(RegionCodes.isValid(township, RegionLevel.TOWNSHIP)).as(township).isTrue();
            assertThat(RegionCodes.canBeParent(township, RegionLevel.TOWNSHIP, code, RegionLevel.VILLAGE)).isTrue();
            // each code above it is valid for its level and may be its parent
            List<String> above = RegionCodes.ancestorCodes(code, RegionLevel.VILLAGE);
            for (int i = 0; i < above.size(); i++) {
                RegionLevel level = RegionLevel.values()[RegionLevel.VILLAGE.ordinal() - 1 - i];
                assertThat(RegionCodes.isValid(above.get(i), level)).as(above.get(i) + " as " + level).isTrue();
                assertThat(RegionCodes.canBeParent(above.get(i), level, code, RegionLevel.VILLAGE)).isTrue();
            }
        }
    }
}
