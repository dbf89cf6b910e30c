package cn.bangfu.market.regions;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A region as clients read it. Its identity is its statistical code, which the creator gives;
 * {@code id} repeats it, so that a client that reads every resource's {@code id} (api.md: "Ids ...
 * returned as {@code id}") finds one here too.
 */
@RegisterForReflection
public record RegionView(@Schema(description = "the region's code again: a region is identified by its code")
                         String id, String code, String name, RegionLevel level,
                         @Schema(nullable = true) String parentCode, boolean povertyAlleviated, boolean keyAssistance) {

    static RegionView of(Region region) {
        return new RegionView(region.code, region.code, region.name, region.level, region.parentCode,
                region.povertyAlleviated, region.keyAssistance);
    }
}
