package cn.bangfu.market.income;

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

/**
 * One business action that wrote ledger rows: who did it, when, and under which
 * {@code Idempotency-Key}. A cooperative's command claims its row with a conditional
 * insert (see {@link Recordings#claim}); deliveries, returns and reversals persist it.
 */
@Entity
@Table(name = "recording")
public class Recording extends PanacheEntityBase {

    /** allocationSize 1: the claiming insert draws from the same sequence with nextval. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recording_seq")
    @SequenceGenerator(name = "recording_seq", sequenceName = "recording_seq", allocationSize = 1)
    public Long id;

    @Column(name = "cooperative_id")
    public long cooperativeId;

    @Enumerated(EnumType.STRING)
    public RecordingKind kind;

    /** The procurement, wage record, dividend declaration, rent accrual or order line recorded. */
    @Column(name = "source_id")
    public Long sourceId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "reversal_of")
    public Long reversalOf;

    public String reason;

    /** What every row of this recording carries. */
    Stamp stamp() {
        return new Stamp(id, recordedBy, recordedAt);
    }

    /** The recording a ledger row belongs to, as the row stores it. */
    record Stamp(long recordingId, String recordedBy, Instant recordedAt) {
    }
}
