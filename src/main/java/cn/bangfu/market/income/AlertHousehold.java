package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A household on the early-warning list of a year, with its reasons; members as of 31 December. */
@RegisterForReflection
public record AlertHousehold(long householdId, String householdCode, String villageCode, int members,
                             long perCapitaFen, long previousPerCapitaFen, long lineFen, List<AlertReason> reasons) {
}
