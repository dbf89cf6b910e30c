package cn.bangfu.market.cooperatives;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@RegisterForReflection
public record CooperativeView(long id, String name, String creditCode, CooperativeKind kind, String regionCode,
                              @Schema(nullable = true) String contactPhone, CooperativeStatus status,
                              @Schema(nullable = true) String statusNote, long version, Instant createdAt,
                              Instant updatedAt) {

    /** As a buyer sees it: the bureau's review note stays with the bureau and the cooperative. */
    static CooperativeView forBuyer(Cooperative c) {
        return new CooperativeView(c.id, c.name, c.creditCode, c.kind, c.regionCode, c.contactPhone, c.status,
                null, c.version, c.createdAt, c.updatedAt);
    }

    static CooperativeView of(Cooperative c) {
        return new CooperativeView(c.id, c.name, c.creditCode, c.kind, c.regionCode, c.contactPhone, c.status,
                c.statusNote, c.version, c.createdAt, c.updatedAt);
    }
}
