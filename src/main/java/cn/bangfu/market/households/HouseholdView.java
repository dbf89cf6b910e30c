package cn.bangfu.market.households;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A household as clients see it: the ID number masked. */
@RegisterForReflection
public record HouseholdView(long id, String code, String headName, String idNumber, String villageCode, int members,
                            HouseholdCategory category, @Schema(nullable = true) String phone, long version,
                            Instant createdAt) {

    static HouseholdView of(Household h) {
        return new HouseholdView(h.id, h.code, h.headName, IdNumbers.mask(h.idNumber), h.villageCode, h.members,
                h.category, h.phone, h.version, h.createdAt);
    }
}
