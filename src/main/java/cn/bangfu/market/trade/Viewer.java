package cn.bangfu.market.trade;

import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.regions.RegionService;

import java.util.Map;

/**
 * Who is looking at orders, as a query condition over {@code ConsumptionOrder o}:
 * a buyer sees its own orders; a cooperative sees orders holding its products,
 * with only its own lines; bureau staff see orders whose buyer or seller side
 * lies in their region.
 */
public sealed interface Viewer {

    /** The caller as a viewer: a buyer, else a cooperative, else bureau staff (roles checked by the resource). */
    static Viewer of(Caller caller, RegionService regions) {
        if (caller.is(Roles.BUYER)) {
            return new Buyer(caller.buyerId());
        }
        if (caller.is(Roles.COOPERATIVE)) {
            return new Cooperative(caller.cooperativeId());
        }
        return new Bureau(regions.requireBureauPattern(caller.bureauRegion()));
    }

    String condition();

    Map<String, Object> parameters();

    boolean seesLine(OrderLine line);

    record Buyer(long buyerId) implements Viewer {
        public String condition() {
            return "o.buyerId = :viewerBuyer";
        }

        public Map<String, Object> parameters() {
            return Map.of("viewerBuyer", buyerId);
        }

        public boolean seesLine(OrderLine line) {
            return true;
        }
    }

    record Cooperative(long cooperativeId) implements Viewer {
        public String condition() {
            return "exists (select 1 from OrderLine vl where vl.orderId = o.id and vl.cooperativeId = :viewerCooperative)";
        }

        public Map<String, Object> parameters() {
            return Map.of("viewerCooperative", cooperativeId);
        }

        public boolean seesLine(OrderLine line) {
            return line.cooperativeId == cooperativeId;
        }
    }

    /** {@code regionPattern} matches the paths of the bureau's region and everything below it. */
    record Bureau(String regionPattern) implements Viewer {
        public String condition() {
            return "(o.buyerId in (select b.id from Buyer b where b.regionCode in "
                    + "(select br.code from Region br where br.path like :viewerRegion))"
                    + " or exists (select 1 from OrderLine vl join Cooperative vc on vc.id = vl.cooperativeId"
                    + " where vl.orderId = o.id and vc.regionCode in "
                    + "(select sr.code from Region sr where sr.path like :viewerRegion)))";
        }

        public Map<String, Object> parameters() {
            return Map.of("viewerRegion", regionPattern);
        }

        public boolean seesLine(OrderLine line) {
            return true;
        }
    }
}
