package cn.bangfu.market.trade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** A consumption order (消费帮扶订单). Its row is created by a conditional SQL insert that claims the idempotency key. */
@Entity
@Table(name = "consumption_order")
public class ConsumptionOrder extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "buyer_id")
    public long buyerId;

    @Column(name = "agreement_id")
    public Long agreementId;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "total_fen")
    public long totalFen;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    public long version;
}
