package cn.bangfu.market.trade;

import cn.bangfu.market.buyers.Buyer;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.IdempotencyKeys;
import cn.bangfu.market.common.JdbcRows;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.SqlArrays;
import cn.bangfu.market.common.Text;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

/**
 * Consumption orders: placing (idempotent, stock reserved atomically) and the lifecycle. One
 * transaction each; a replayed placing is a read.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    ImpactService impact;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    RegionService regions;

    @Inject
    AgreementService agreements;

    @Inject
    BusinessClock clock;

    /** Income recording hooks in here: see {@link OrderEvents}. */
    @Inject
    Event<OrderEvents.Delivered> delivered;

    @Inject
    Event<OrderEvents.LineReturned> returned;

    /** Groups of products that share placing turns; a product's orders queue only behind its group's. */
    static final int TURN_GROUPS = 64;

    /**
     * Turns to run the placing statement, per group of products, or none (unlimited); see
     * {@link OrderConfig#concurrentPlacingsPerProduct()}. An order takes its lowest product's group's
     * turn: orders for a product whose row is held (a flash sale, an import) queue there, and orders
     * for other products go on.
     */
    private final Semaphore[] placingTurns;
    private final long placingWaitNanos;

    /** Placings under way in this instance, by buyer and key: what a copy of one of them waits for. */
    private final ConcurrentHashMap<String, CountDownLatch> placingsUnderWay = new ConcurrentHashMap<>();
    private final AtomicInteger copiesWaiting = new AtomicInteger();

    OrderService(OrderConfig config) {
        int turns = config.concurrentPlacingsPerProduct();
        this.placingTurns = turns == 0 ? null
                : IntStream.range(0, TURN_GROUPS).mapToObj(g -> new Semaphore(turns, true)).toArray(Semaphore[]::new);
        this.placingWaitNanos = config.placingWait().toNanos();
    }

    /** The group of products whose placing turns an order for this (its lowest) product takes. */
    static int turnGroup(long productId) {
        return Math.floorMod(Long.hashCode(productId), TURN_GROUPS);
    }

    public record Placed(OrderView order, boolean created) {
    }

    /**
     * Places the order, or answers the one this key placed before. A retry (the key seen before) is
     * answered by one read. A new key is placed by one statement, {@link #PLACE}, run on its own
     * (autocommit): it is the placing's one transaction, and the product rows it locks are released
     * by its own commit, with no round trip to this JVM in between. With every buyer ordering the
     * same product, how long that row stays locked is what limits the orders per second. A copy of a
     * request that this instance is placing right now (a double submit, a retry sent while the first
     * still waits for its turn) waits for that placing and answers its order, rather than queueing at
     * the product only to find the key taken. A caller's transaction is suspended meanwhile: inside
     * one, the rows would stay locked until its commit.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Placed place(long callerBuyerId, String idempotencyKey, PlaceOrderRequest request) {
        IdempotencyKeys.require(idempotencyKey);
        if (request.buyerId() != callerBuyerId) {
            throw ApiProblem.forbidden("you may place orders only for your own buyer " + callerBuyerId,
                    "你只能为本购买方 " + callerBuyerId + " 下单");
        }
        long buyerId = request.buyerId();
        String hash = IdempotencyKeys.fingerprint(request.canonical());
        List<ReplayRow> placedBefore = replayRows(buyerId, idempotencyKey);
        if (!placedBefore.isEmpty()) {
            return replay(placedBefore, idempotencyKey, hash);
        }
        long deadline = System.nanoTime() + placingWaitNanos; // one wait in all: for a copy, then for a turn
        String underWayKey = buyerId + " " + idempotencyKey;
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch other = placingsUnderWay.putIfAbsent(underWayKey, mine);
        if (other == null) {
            try {
                return placeNew(request, idempotencyKey, hash, deadline);
            } finally {
                placingsUnderWay.remove(underWayKey, mine);
                mine.countDown();
            }
        }
        awaitPlacing(other, deadline);
        List<ReplayRow> placedByOther = replayRows(buyerId, idempotencyKey);
        // the other copy placed nothing (refused, failed, or still waiting): this one is placed on its own
        return placedByOther.isEmpty() ? placeNew(request, idempotencyKey, hash, deadline)
                : replay(placedByOther, idempotencyKey, hash);
    }

    /** Until the copy of this request already being placed is done, at most until the deadline. */
    private void awaitPlacing(CountDownLatch placing, long deadline) {
        copiesWaiting.incrementAndGet();
        try {
            placing.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        } finally {
            copiesWaiting.decrementAndGet();
        }
    }

    /** Requests waiting for a copy of themselves to be placed, now (for tests). */
    int copiesWaiting() {
        return copiesWaiting.get();
    }

    /** 503: interrupted while waiting, which happens when the service shuts down. */
    private static ApiProblem stopping() {
        return ApiProblem.unavailable("the service is stopping; retry shortly", "服务正在停止，请稍后重试", 1);
    }

    /** A key not seen before: {@link #PLACE}, then the order as placed, or why it was not. */
    private Placed placeNew(PlaceOrderRequest request, String idempotencyKey, String hash, long deadline) {
        long buyerId = request.buyerId();
        Agreement agreement = request.agreementId() == null ? null : agreementFor(request.agreementId(), buyerId);

        Instant now = BusinessClock.now();
        List<PlacingRow> rows = runPlace(request, agreement, idempotencyKey, hash, now, deadline);
        Long orderId = rows.get(0).orderId();
        if (orderId == null) {
            // Placed meanwhile by a request with the same key, whose commit this one waited for (at the
            // claim, or at a product's row, after which its stock may be gone): that order is the answer.
            List<ReplayRow> placedMeanwhile = replayRows(buyerId, idempotencyKey);
            if (!placedMeanwhile.isEmpty()) {
                return replay(placedMeanwhile, idempotencyKey, hash);
            }
            ApiProblem refused = refusal(rows, agreement);
            throw refused != null ? refused // not seen: every line passed, so the claim met a committed order
                    : ApiProblem.conflict("the order could not be placed; send it again", "订单未能提交，请重新提交");
        }
        List<OrderLine> lines = new ArrayList<>(rows.size());
        long total = 0;
        for (PlacingRow row : rows) {
            OrderLine line = new OrderLine();
            line.id = row.lineId();
            line.orderId = orderId;
            line.lineNo = row.lineNo();
            line.productId = row.productId();
            line.cooperativeId = row.cooperativeId();
            line.productName = row.productName();
            line.quantity = row.quantity();
            line.unitPriceFen = row.priceFen();
            line.amountFen = Math.multiplyExact(line.unitPriceFen, (long) line.quantity); // as the statement wrote it
            line.recognized = row.recognized();
            line.householdShareBp = row.householdShareBp();
            total = Math.addExact(total, line.amountFen);
            lines.add(line);
        }
        // The row as the statement inserted it, without reading it back.
        ConsumptionOrder placed = new ConsumptionOrder();
        placed.id = orderId;
        placed.buyerId = buyerId;
        placed.agreementId = request.agreementId();
        placed.status = OrderStatus.PLACED;
        placed.placedAt = now;
        placed.totalFen = total;
        return new Placed(OrderView.of(placed, lines), true);
    }

    /** Runs {@link #PLACE} once its turn comes (503 when it does not come before the deadline). */
    private List<PlacingRow> runPlace(PlaceOrderRequest request, Agreement agreement, String idempotencyKey,
                                      String hash, Instant now, long deadline) {
        String sellerPattern = agreement == null ? null // a region that does not exist contains no product's
                : regions.subtreePattern(agreement.sellerRegionCode).orElse("");
        if (placingTurns == null) {
            return executePlace(request, sellerPattern, idempotencyKey, hash, now);
        }
        long lowestProduct = request.lines().stream().mapToLong(PlaceOrderRequest.Line::productId).min().orElseThrow();
        Semaphore turns = placingTurns[turnGroup(lowestProduct)];
        try {
            if (!turns.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw ApiProblem.unavailable("too many orders for this product are being placed at once; "
                        + "retry shortly", "该产品同时提交的订单过多，请稍后重试", 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
        try {
            return executePlace(request, sellerPattern, idempotencyKey, hash, now);
        } finally {
            turns.release();
        }
    }

    /**
     * {@link #PLACE} on a connection of its own, autocommit: the statement is its own transaction.
     * In plain JDBC, as are replays ({@link #replayRows}): through Hibernate's native query and HQL
     * projection the order path cost the JVM 1.9–2.2 ms per request against 1.0–1.5 (alternated in one
     * run; README, issue 13's seventh round).
     */
    private List<PlacingRow> executePlace(PlaceOrderRequest request, String sellerPattern, String idempotencyKey,
                                          String hash, Instant now) {
        List<PlaceOrderRequest.Line> lines = request.lines();
        LocalDate today = clock.today(); // 帮扶产品认定 as of the business day of placing
        return JdbcRows.list(dataSource, PLACE, place -> {
            place.setString(1, SqlArrays.literal(lines.stream().map(PlaceOrderRequest.Line::productId).toList()));
            place.setString(2, SqlArrays.literal(lines.stream().map(PlaceOrderRequest.Line::quantity).toList()));
            place.setString(3, sellerPattern);
            place.setString(4, sellerPattern);
            place.setObject(5, today);
            place.setLong(6, request.buyerId());
            place.setObject(7, request.agreementId(), Types.BIGINT);
            place.setString(8, idempotencyKey);
            place.setString(9, hash);
            place.setObject(10, now.atOffset(ZoneOffset.UTC));
        }, PlacingRow::of, "place an order");
    }

    /**
     * One requested line as {@link #PLACE} answers it: what it was checked against (null where its
     * product does not exist) and, once placed, the line's and the order's ids.
     */
    record PlacingRow(int lineNo, long productId, int quantity, Long lineId, Long orderId, boolean productExists,
                      String productStatus, String cooperativeStatus, Integer stock, Long wanted, Boolean inRegion,
                      String regionCode, Long cooperativeId, String productName, Long priceFen,
                      Integer householdShareBp, Boolean recognized) {

        static PlacingRow of(ResultSet row) throws SQLException {
            return new PlacingRow(row.getInt("line_no"), row.getLong("product_id"), row.getInt("quantity"),
                    row.getObject("line_id", Long.class), row.getObject("order_id", Long.class),
                    row.getBoolean("product_exists"), row.getString("product_status"),
                    row.getString("cooperative_status"), row.getObject("stock", Integer.class),
                    row.getObject("wanted", Long.class), row.getObject("in_region", Boolean.class),
                    row.getString("region_code"), row.getObject("cooperative_id", Long.class),
                    row.getString("product_name"), row.getObject("price_fen", Long.class),
                    row.getObject("household_share_bp", Integer.class), row.getObject("recognized", Boolean.class));
        }
    }

    /**
     * The placing, one statement. It locks the products (in id order, so that concurrent orders
     * cannot deadlock), checks every line on the locked rows (the product ACTIVE with stock for all
     * its lines, a product on two lines taken once for both; its cooperative APPROVED; inside the
     * agreement's seller region, parameters 3 and 4, when there is one), and only when every line
     * passes claims the key, takes the stock and writes the lines and the order with its total.
     * Either all of that or none. A concurrent placing with the same key waits for the other's commit
     * (at a product's row or at the claim), then places nothing; its caller answers the other's order.
     * It answers one row per requested line, in line order, with the order's id (null when nothing was
     * placed) and what each line was checked against. Parameters, in order: the product ids and the
     * quantities (array literals), the seller region's path pattern twice (null: no agreement), the
     * business day, the buyer, the agreement (or null), the key, the request's fingerprint, the
     * placing instant.
     */
    static final String PLACE = """
            with requested as (
                select r.product_id, r.quantity, r.line_no::integer
                from unnest(cast(? as bigint[]), cast(? as integer[])) with ordinality
                     as r (product_id, quantity, line_no)),
            wanted as (select product_id, sum(quantity) as quantity from requested group by product_id),
            locked as materialized (
                select p.id, p.stock, p.status, p.price_fen, p.name, p.household_share_bp, p.cooperative_id,
                       p.recognition_valid_from, p.recognition_valid_to, p.recognition_revoked_on
                from product p where p.id in (select product_id from wanted)
                order by p.id for no key update),
            checked as materialized (
                select l.id, l.stock, l.status, l.price_fen, l.name, l.household_share_bp, l.cooperative_id,
                       w.quantity as wanted, c.status as cooperative_status, c.region_code,
                       (cast(? as text) is null or coalesce(r.path like cast(? as text), false)) as in_region,
                       recognized_on(l.recognition_valid_from, l.recognition_valid_to, l.recognition_revoked_on,
                                     cast(? as date)) as recognized
                from locked l join wanted w on w.product_id = l.id
                     join cooperative c on c.id = l.cooperative_id
                     left join region r on r.code = c.region_code),
            ready as (
                select count(*) = (select count(*) from wanted) as ok from checked
                where status = 'ACTIVE' and cooperative_status = 'APPROVED' and stock >= wanted and in_region),
            claimed as (
                insert into consumption_order (id, buyer_id, agreement_id, status, idempotency_key, request_hash,
                                               total_fen, placed_at)
                select nextval('consumption_order_seq'), ?, cast(? as bigint), 'PLACED', ?, ?,
                       (select sum(k.price_fen * q.quantity) from requested q join checked k on k.id = q.product_id),
                       ?
                where (select ok from ready)
                on conflict (buyer_id, idempotency_key) do nothing
                returning id),
            taken as (
                update product p set stock = p.stock - k.wanted, version = p.version + 1, updated_at = now()
                from checked k where p.id = k.id and exists (select 1 from claimed)),
            lines as (
                insert into order_line (id, order_id, line_no, product_id, cooperative_id, product_name, quantity,
                                        unit_price_fen, amount_fen, household_share_bp, recognized)
                select nextval('order_line_seq'), (select id from claimed), q.line_no, q.product_id,
                       k.cooperative_id, k.name, q.quantity, k.price_fen, k.price_fen * q.quantity,
                       k.household_share_bp, k.recognized
                from requested q join checked k on k.id = q.product_id
                where exists (select 1 from claimed)
                returning id, line_no)
            select q.line_no, q.product_id, q.quantity, n.id as line_id, (select id from claimed) as order_id,
                   k.id is not null as product_exists, k.status as product_status, k.cooperative_status, k.stock,
                   k.wanted, k.in_region, k.region_code, k.cooperative_id, k.name as product_name, k.price_fen,
                   k.household_share_bp, k.recognized
            from requested q left join checked k on k.id = q.product_id left join lines n on n.line_no = q.line_no
            order by q.line_no""";

    /** The agreement an order names, which must exist and have the buyer inside its buyer region (422 if not). */
    private Agreement agreementFor(long agreementId, long buyerId) {
        Agreement agreement = Agreement.findById(agreementId);
        if (agreement == null) {
            throw ApiProblem.unprocessable("agreementId", "agreement " + agreementId + " does not exist",
                    "协议 " + agreementId + " 不存在");
        }
        Buyer buyer = Buyer.findById(buyerId);
        if (buyer == null) { // the token names a buyer that is not registered
            throw ApiProblem.unprocessable("buyerId", "buyer " + buyerId + " is not registered",
                    "购买方 " + buyerId + " 未登记");
        }
        if (!agreements.admitsBuyer(agreement, buyer)) {
            // the buyer is no party to it, so its regions are not named (as GET /agreements/{id} answers 403)
            throw ApiProblem.unprocessable("agreementId", "the buyer's region " + buyer.regionCode
                    + " is not inside the agreement's buyer region",
                    "购买方所在区域 " + buyer.regionCode + " 不在协议的购买方区域内");
        }
        return agreement;
    }

    /**
     * Why the placing refused, from what its statement saw on the locked rows: the first line whose
     * product does not exist, is not ACTIVE, has a cooperative not APPROVED or too little stock; else
     * the first outside the agreement's seller region. None when every line passed.
     */
    private static ApiProblem refusal(List<PlacingRow> rows, Agreement agreement) {
        for (PlacingRow row : rows) {
            String field = lineField(row);
            long productId = row.productId();
            if (!row.productExists()) {
                return ApiProblem.unprocessable(field, "product " + productId + " does not exist",
                        "产品 " + productId + " 不存在");
            }
            String productStatus = row.productStatus();
            if (!"ACTIVE".equals(productStatus)) {
                return ApiProblem.unprocessable(field, "product " + productId + " is " + productStatus,
                        "产品 " + productId + " 的状态是 " + productStatus);
            }
            String cooperativeStatus = row.cooperativeStatus();
            if (!"APPROVED".equals(cooperativeStatus)) {
                return ApiProblem.unprocessable(field, "the cooperative of product " + productId + " is "
                        + cooperativeStatus, "产品 " + productId + " 所属经营主体的状态是 " + cooperativeStatus);
            }
            int stock = row.stock();
            long wanted = row.wanted();
            if (stock < wanted) {
                return new ApiProblem(409, "Insufficient Stock", Text.of("product " + productId + " has "
                        + stock + " left, " + wanted + " requested",
                        "产品 " + productId + " 库存仅剩 " + stock + "，而请求数量为 " + wanted));
            }
        }
        for (PlacingRow row : rows) {
            if (!row.inRegion()) {
                long productId = row.productId();
                String cooperativeRegion = row.regionCode();
                return ApiProblem.unprocessable(lineField(row), "product " + productId + " comes from region "
                        + cooperativeRegion + ", outside the agreement's seller region " + agreement.sellerRegionCode,
                        "产品 " + productId + " 来自区域 " + cooperativeRegion + "，不在协议的销售方区域 "
                        + agreement.sellerRegionCode + " 内");
            }
        }
        return null;
    }

    private static String lineField(PlacingRow row) {
        return "lines[" + (row.lineNo() - 1) + "].productId";
    }

    /** A client's retry answers what the first request placed; the same key with another body is refused. */
    private static Placed replay(List<ReplayRow> placedBefore, String idempotencyKey, String hash) {
        if (!placedBefore.get(0).requestHash().equals(hash)) {
            throw IdempotencyKeys.reused(idempotencyKey, "order");
        }
        return new Placed(ReplayRow.view(placedBefore), false);
    }

    /** The order this buyer's key placed, with its lines, in one read-only statement (no entity); none if none. */
    private List<ReplayRow> replayRows(long buyerId, String idempotencyKey) {
        return JdbcRows.list(dataSource, ReplayRow.SQL, select -> {
            select.setLong(1, buyerId);
            select.setString(2, idempotencyKey);
        }, ReplayRow::of, "read the order of an idempotency key");
    }

    @Transactional
    public OrderView confirm(long orderId, long cooperativeId) {
        ConsumptionOrder order = lockForCooperative(orderId, cooperativeId);
        move(order, OrderStatus.PLACED, OrderStatus.CONFIRMED);
        order.confirmedAt = BusinessClock.now();
        return flushAndView(order, l -> l.cooperativeId == cooperativeId);
    }

    @Transactional
    public OrderView ship(long orderId, long cooperativeId) {
        ConsumptionOrder order = lockForCooperative(orderId, cooperativeId);
        move(order, OrderStatus.CONFIRMED, OrderStatus.SHIPPED);
        order.shippedAt = BusinessClock.now();
        return flushAndView(order, l -> l.cooperativeId == cooperativeId);
    }

    @Transactional
    public OrderView deliver(long orderId, long buyerId, String recordedBy) {
        ConsumptionOrder order = lockForBuyer(orderId, buyerId);
        move(order, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        order.deliveredAt = BusinessClock.now();
        order.deliveredOn = clock.today();
        List<OrderLine> lines = lines(order.id);
        em.flush();
        delivered.fire(new OrderEvents.Delivered(order.id, order.deliveredOn, recordedBy, lines.stream()
                .map(l -> new OrderEvents.DeliveredLine(l.id, l.productId, l.cooperativeId, l.amountFen,
                        l.householdShareBp)).toList()));
        return OrderView.of(order, lines);
    }

    /** Cancel before shipping; the reserved stock goes back. */
    @Transactional
    public OrderView cancel(long orderId, long buyerId) {
        ConsumptionOrder order = lockForBuyer(orderId, buyerId);
        if (order.status != OrderStatus.PLACED && order.status != OrderStatus.CONFIRMED) {
            throw ApiProblem.conflict("a " + order.status + " order cannot be cancelled",
                    "状态为 " + order.status + " 的订单不能取消");
        }
        order.status = OrderStatus.CANCELLED;
        order.cancelledAt = BusinessClock.now();
        List<OrderLine> lines = lines(order.id);
        lines.stream().sorted(Comparator.comparingLong(l -> l.productId)).forEach(l ->
                em.createNativeQuery("update product set stock = stock + ?2, version = version + 1, updated_at = now() "
                        + "where id = ?1").setParameter(1, l.productId).setParameter(2, l.quantity).executeUpdate());
        em.flush();
        return OrderView.of(order, lines);
    }

    /** Return one line of a delivered order; its contributions are reversed (income-rules.md §4). Goods are not restocked. */
    @Transactional
    public OrderView returnLine(long orderId, long lineId, long buyerId, String recordedBy) {
        ConsumptionOrder order = lockForBuyer(orderId, buyerId);
        List<OrderLine> lines = lines(order.id);
        OrderLine line = lines.stream().filter(l -> l.id == lineId).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "Not Found", Text.of(
                        "line " + lineId + " of order " + orderId + " does not exist",
                        "订单 " + orderId + " 的订单行 " + lineId + " 不存在")));
        if (order.status != OrderStatus.DELIVERED) {
            throw ApiProblem.conflict("only lines of a DELIVERED order can be returned; this one is " + order.status,
                    "只有 DELIVERED 订单的订单行可以退货；此订单的状态是 " + order.status);
        }
        if (line.returned) {
            throw ApiProblem.conflict("line " + lineId + " was already returned", "订单行 " + lineId + " 已退货");
        }
        line.returned = true;
        line.returnedAt = BusinessClock.now();
        line.returnedOn = clock.today();
        order.version++; // the order changed: concurrent readers holding the old version are stale
        em.flush();
        returned.fire(new OrderEvents.LineReturned(order.id, line.id, line.cooperativeId, line.returnedOn,
                recordedBy));
        return OrderView.of(order, lines);
    }

    public OrderView get(long orderId, Viewer viewer) {
        OrderView view = visible(orderId, viewer);
        return view.status() == OrderStatus.DELIVERED ? view.withImpact(impact.ofLines(lineIds(view))) : view;
    }

    /** What an order did for households, of the lines its viewer sees (a cooperative: its own). */
    public Impact impact(long orderId, Viewer viewer) {
        return impact.ofLines(lineIds(visible(orderId, viewer)));
    }

    private OrderView visible(long orderId, Viewer viewer) {
        ConsumptionOrder order = em.find(ConsumptionOrder.class, orderId);
        if (order == null) {
            throw ApiProblem.notFound("order", orderId);
        }
        TypedQuery<Long> visible = em.createQuery("select count(o) from ConsumptionOrder o where o.id = :orderId and "
                + viewer.condition(), Long.class).setParameter("orderId", orderId);
        viewer.parameters().forEach(visible::setParameter);
        if (visible.getSingleResult() == 0) {
            throw ApiProblem.forbidden("order " + orderId + " is not visible to you", "你无权查看订单 " + orderId);
        }
        return OrderView.of(order, lines(orderId).stream().filter(viewer::seesLine).toList());
    }

    private static List<Long> lineIds(OrderView view) {
        return view.lines().stream().map(OrderView.LineView::id).toList();
    }

    public Page<OrderView> search(Viewer viewer, OrderStatus status, PageRequest page) {
        Page<ConsumptionOrder> orders = HqlFilter.of("from ConsumptionOrder o where " + viewer.condition())
                .bind(viewer.parameters())
                .and("o.status = :status", "status", status)
                .page(em, "select o", "o", "o.id desc", ConsumptionOrder.class, page);
        // the lines of the whole page in one query
        Map<Long, List<OrderLine>> lines = orders.items().isEmpty() ? Map.of()
                : em.createQuery("from OrderLine where orderId in :ids order by orderId, lineNo", OrderLine.class)
                .setParameter("ids", orders.items().stream().map(o -> o.id).toList()).getResultList().stream()
                .collect(Collectors.groupingBy(l -> l.orderId));
        return orders.map(o -> OrderView.of(o, lines.getOrDefault(o.id, List.of()).stream()
                .filter(viewer::seesLine).toList()));
    }

    private ConsumptionOrder lockForCooperative(long orderId, long cooperativeId) {
        ConsumptionOrder order = lock(orderId);
        boolean holdsLines = em.createQuery("select count(l) from OrderLine l where l.orderId = ?1 and l.cooperativeId = ?2",
                Long.class).setParameter(1, orderId).setParameter(2, cooperativeId).getSingleResult() > 0;
        if (!holdsLines) {
            throw ApiProblem.forbidden("order " + orderId + " holds none of your products",
                    "订单 " + orderId + " 中没有你的产品");
        }
        return order;
    }

    private ConsumptionOrder lockForBuyer(long orderId, long buyerId) {
        ConsumptionOrder order = lock(orderId);
        if (order.buyerId != buyerId) {
            throw ApiProblem.forbidden("order " + orderId + " belongs to another buyer", "订单 " + orderId + " 属于其他购买方");
        }
        return order;
    }

    private ConsumptionOrder lock(long orderId) {
        ConsumptionOrder order = em.find(ConsumptionOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ApiProblem.notFound("order", orderId);
        }
        return order;
    }

    private static void move(ConsumptionOrder order, OrderStatus from, OrderStatus to) {
        if (order.status != from) {
            throw ApiProblem.conflict("a " + order.status + " order cannot become " + to,
                    "状态为 " + order.status + " 的订单不能变为 " + to);
        }
        order.status = to;
    }

    private OrderView flushAndView(ConsumptionOrder order, Predicate<OrderLine> visible) {
        em.flush();
        return OrderView.of(order, lines(order.id).stream().filter(visible).toList());
    }

    /** One line of an order placed before, with its order's columns: what a replayed placing answers. */
    record ReplayRow(String requestHash, long id, long buyerId, Long agreementId, OrderStatus status, Instant placedAt,
                     Instant confirmedAt, Instant shippedAt, Instant deliveredAt, LocalDate deliveredOn,
                     Instant cancelledAt, long version, long lineId, int lineNo, long productId, String productName,
                     long cooperativeId, int quantity, long unitPriceFen, long amountFen, int householdShareBp,
                     boolean recognized, boolean returned, LocalDate returnedOn) {

        // every order has a line: a placing that takes no line rolls back, key and all
        static final String SQL = """
                select o.request_hash, o.id, o.buyer_id, o.agreement_id, o.status, o.placed_at, o.confirmed_at,
                       o.shipped_at, o.delivered_at, o.delivered_on, o.cancelled_at, o.version, l.id as line_id,
                       l.line_no, l.product_id, l.product_name, l.cooperative_id, l.quantity, l.unit_price_fen,
                       l.amount_fen, l.household_share_bp, l.recognized, l.returned, l.returned_on
                from consumption_order o join order_line l on l.order_id = o.id
                where o.buyer_id = ? and o.idempotency_key = ? order by l.line_no""";

        static ReplayRow of(ResultSet row) throws SQLException {
            return new ReplayRow(row.getString("request_hash"), row.getLong("id"), row.getLong("buyer_id"),
                    row.getObject("agreement_id", Long.class), OrderStatus.valueOf(row.getString("status")),
                    JdbcRows.instant(row, "placed_at"), JdbcRows.instant(row, "confirmed_at"),
                    JdbcRows.instant(row, "shipped_at"), JdbcRows.instant(row, "delivered_at"),
                    row.getObject("delivered_on", LocalDate.class), JdbcRows.instant(row, "cancelled_at"),
                    row.getLong("version"), row.getLong("line_id"), row.getInt("line_no"),
                    row.getLong("product_id"), row.getString("product_name"), row.getLong("cooperative_id"),
                    row.getInt("quantity"), row.getLong("unit_price_fen"), row.getLong("amount_fen"),
                    row.getInt("household_share_bp"), row.getBoolean("recognized"), row.getBoolean("returned"),
                    row.getObject("returned_on", LocalDate.class));
        }

        /** The buyer's view (every line), as a placing answers it. */
        static OrderView view(List<ReplayRow> rows) {
            ReplayRow o = rows.get(0);
            List<OrderView.LineView> lines = rows.stream().map(l -> new OrderView.LineView(l.lineId, l.lineNo,
                    l.productId, l.productName, l.cooperativeId, l.quantity, l.unitPriceFen, l.amountFen,
                    l.householdShareBp, l.recognized, l.returned, l.returnedOn,
                    LineStatus.of(o.status, l.returned))).toList();
            return OrderView.of(o.id, o.buyerId, o.agreementId, o.status, o.placedAt, o.confirmedAt, o.shippedAt,
                    o.deliveredAt, o.deliveredOn, o.cancelledAt, o.version, lines);
        }
    }

    List<OrderLine> lines(long orderId) {
        return em.createQuery("from OrderLine where orderId = ?1 order by lineNo", OrderLine.class)
                .setParameter(1, orderId).getResultList();
    }
}
