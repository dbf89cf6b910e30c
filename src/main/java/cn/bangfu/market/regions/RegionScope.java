package cn.bangfu.market.regions;

import cn.bangfu.market.common.Roles;

/**
 * What a report or an export is of: a region and its subtree, or the whole country (the national
 * root, {@code 000000}, which no region row stands for). {@code path} is the prefix of the paths
 * of every region in it.
 */
public record RegionScope(String code, String name, String level, String path) {

    /** The whole country: its path is the prefix of every region's; its children are the provinces. */
    public static final RegionScope NATIONAL = new RegionScope(Roles.NATIONAL_ROOT, "全国", "NATIONAL", "/");

    public static RegionScope of(Region region) {
        return new RegionScope(region.code, region.name, region.level.name(), region.path);
    }

    /** The LIKE pattern of the paths of every region in it. */
    public String pattern() {
        return path + "%";
    }
}
