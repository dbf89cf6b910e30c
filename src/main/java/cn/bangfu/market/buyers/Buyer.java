package cn.bangfu.market.buyers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A buyer in a paired region. */
@Entity
@Table(name = "buyer")
public class Buyer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "buyer_seq")
    @SequenceGenerator(name = "buyer_seq", sequenceName = "buyer_seq", allocationSize = 50)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public BuyerKind kind;

    @Column(name = "region_code")
    public String regionCode;

    /** BUDGET_UNIT only: the annual canteen food budget. */
    @Column(name = "annual_food_budget_fen")
    public Long annualFoodBudgetFen;

    /** BUDGET_UNIT only: share of the food budget reserved for products of poverty-alleviated areas (≥ 10%). */
    @Column(name = "reserve_bp")
    public Integer reserveBp;

    /** The budget unit whose spending this trade union's or enterprise's purchases count toward. */
    @Column(name = "parent_buyer_id")
    public Long parentBuyerId;

    @Column(name = "created_at")
    public Instant createdAt;
}
