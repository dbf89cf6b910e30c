package cn.bangfu.market.households;

import cn.bangfu.market.common.EnumLabels;

import java.util.Optional;

/** Household categories of the anti-poverty-return monitoring system (防返贫监测). */
public enum HouseholdCategory {
    POVERTY_ALLEVIATED("脱贫户"),
    MONITORED_UNSTABLE("脱贫不稳定户"),
    MONITORED_MARGINAL("边缘易致贫户"),
    MONITORED_SUDDEN_HARDSHIP("突发严重困难户"),
    ORDINARY("一般农户");

    /** The label used on bureau rosters. */
    public final String label;

    HouseholdCategory(String label) {
        this.label = label;
    }

    /** Accepts the enum name or the Chinese roster label. */
    public static Optional<HouseholdCategory> parse(String text) {
        return EnumLabels.byNameOrLabel(values(), c -> c.label, text);
    }
}
