package cn.bangfu.market.links;

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
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A benefit-linkage tie (联农带农) between one cooperative and one household, by one mechanism. */
@Entity
@Table(name = "benefit_link")
public class BenefitLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "benefit_link_seq")
    @SequenceGenerator(name = "benefit_link_seq", sequenceName = "benefit_link_seq", allocationSize = 50)
    public Long id;

    @Column(name = "cooperative_id")
    public long cooperativeId;

    @Column(name = "household_id")
    public long householdId;

    @Enumerated(EnumType.STRING)
    public Mechanism mechanism;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Inclusive; null means open-ended. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    public Integer weight;

    @Column(name = "product_id")
    public Long productId;

    @Column(name = "floor_price_fen")
    public Long floorPriceFen;

    @Column(name = "daily_wage_fen")
    public Long dailyWageFen;

    @Column(name = "area_mu")
    public BigDecimal areaMu;

    @Column(name = "rent_per_mu_per_year_fen")
    public Long rentPerMuPerYearFen;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Same cooperative, household, mechanism and (for product-scoped mechanisms) product, with shared days. */
    boolean clashesWith(long cooperative, long household, Mechanism otherMechanism, Long product,
                        LocalDate from, LocalDate to) {
        return cooperativeId == cooperative && householdId == household && mechanism == otherMechanism
                && (!LinkRules.PRODUCT_SCOPED.contains(mechanism) || Objects.equals(productId, product))
                && LinkRules.overlaps(validFrom, validTo, from, to);
    }
}
