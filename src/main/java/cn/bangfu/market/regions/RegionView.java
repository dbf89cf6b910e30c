package cn.bangfu.market.regions;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
public record RegionView(String code, String name, RegionLevel level, @Schema(nullable = true) String parentCode,
                         boolean povertyAlleviated, boolean keyAssistance) {

    static RegionView of(Region region) {
        return new RegionView(region.code, region.name, region.level, region.parentCode,
                region.povertyAlleviated, region.keyAssistance);
    }
}
