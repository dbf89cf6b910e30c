package cn.bangfu.market.income;

import cn.bangfu.market.links.Mechanism;
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
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the append-only ledger: what one household earned from one event, through one link. */
@Entity
@Immutable
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contribution_seq")
    @SequenceGenerator(name = "contribution_seq", sequenceName = "contribution_seq", allocationSize = 50)
    public Long id;

    @Column(name = "household_id")
    public long householdId;

    @Column(name = "cooperative_id")
    public long cooperativeId;

    @Column(name = "link_id")
    public long linkId;

    @Enumerated(EnumType.STRING)
    public Mechanism mechanism;

    /** Negative for a reversal. */
    @Column(name = "amount_fen")
    public long amountFen;

    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    public SourceType sourceType;

    @Column(name = "source_id")
    public long sourceId;

    @Column(name = "reversal_of")
    public Long reversalOf;

    @Column(name = "created_at")
    public Instant createdAt;

    static Contribution of(long householdId, long cooperativeId, long linkId, Mechanism mechanism, long amountFen,
                           LocalDate date, SourceType sourceType, long sourceId, Instant now) {
        Contribution c = new Contribution();
        c.householdId = householdId;
        c.cooperativeId = cooperativeId;
        c.linkId = linkId;
        c.mechanism = mechanism;
        c.amountFen = amountFen;
        c.date = date;
        c.sourceType = sourceType;
        c.sourceId = sourceId;
        c.createdAt = now;
        return c;
    }
}
