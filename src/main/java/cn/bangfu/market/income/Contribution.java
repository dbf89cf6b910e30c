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

    /** Why the row it reverses was corrected; null unless a reversal recording wrote it. */
    public String reason;

    @Column(name = "recording_id")
    public long recordingId;

    /** The token's sub of who recorded it. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** 扶贫项目资产: the asset a dividend came from (its reference and name), null for any other row. */
    @Column(name = "asset_ref")
    public String assetRef;

    @Column(name = "asset_name")
    public String assetName;

    /** When it was recorded (recordedAt). */
    @Column(name = "created_at")
    public Instant createdAt;

    static Contribution of(Recording.Stamp stamp, long householdId, long cooperativeId, long linkId,
                           Mechanism mechanism, long amountFen, LocalDate date, SourceType sourceType, long sourceId) {
        Contribution c = new Contribution();
        c.recordingId = stamp.recordingId();
        c.recordedBy = stamp.recordedBy();
        c.createdAt = stamp.recordedAt();
        c.householdId = householdId;
        c.cooperativeId = cooperativeId;
        c.linkId = linkId;
        c.mechanism = mechanism;
        c.amountFen = amountFen;
        c.date = date;
        c.sourceType = sourceType;
        c.sourceId = sourceId;
        return c;
    }

    /** The row that cancels this one in a reversal recording, dated {@code date}. */
    Contribution reversed(Recording.Stamp stamp, LocalDate date, String reason) {
        Contribution r = of(stamp, householdId, cooperativeId, linkId, mechanism, Math.negateExact(amountFen), date,
                sourceType, sourceId);
        r.reversalOf = id;
        r.reason = reason;
        r.assetRef = assetRef;
        r.assetName = assetName;
        return r;
    }
}
