package cn.bangfu.market.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A region's figures for a year, in total and per child region (county → townships → villages). */
@RegisterForReflection
public record RegionReport(int year, RegionFigures total, List<RegionFigures> children) {
}
