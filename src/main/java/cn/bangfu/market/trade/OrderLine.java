package cn.bangfu.market.trade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an order; price and amount are fixed at placing. */
@Entity
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_seq")
    @SequenceGenerator(name = "order_line_seq", sequenceName = "order_line_seq", allocationSize = 50)
    public Long id;

    @Column(name = "order_id")
    public long orderId;

    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "product_id")
    public long productId;

    @Column(name = "cooperative_id")
    public long cooperativeId;

    @Column(name = "product_name")
    public String productName;

    public int quantity;

    @Column(name = "unit_price_fen")
    public long unitPriceFen;

    @Column(name = "amount_fen")
    public long amountFen;

    /** The product's household share when the order was placed: what delivery splits (income-rules.md §3). */
    @Column(name = "household_share_bp")
    public int householdShareBp;

    /** Whether the product was a recognised assistance product (帮扶产品认定) on the day the order was placed. */
    public boolean recognized;

    public boolean returned;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "returned_on")
    public LocalDate returnedOn;
}
