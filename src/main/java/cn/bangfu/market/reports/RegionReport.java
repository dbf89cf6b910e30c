package cn.bangfu.market.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A region's figures for a year, in total and per child region (county → townships → villages). */
@RegisterForReflection
public record RegionReport(int year, RegionFigures total, List<RegionFigures> children,
                           @Schema(nullable = true, description = "total.growthBp: the region's growth of sales")
                           Long growthBp,
                           @Schema(description = "total.previous: the region's figures for year − 1")
                           RegionFigures previous) {
}
