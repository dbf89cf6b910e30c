package cn.bangfu.market.reports;

import java.util.List;

/** A region's figures for a year, in total and per child region (county → townships → villages). */
public record RegionReport(int year, RegionFigures total, List<RegionFigures> children) {
}
