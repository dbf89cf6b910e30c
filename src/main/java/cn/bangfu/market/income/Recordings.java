package cn.bangfu.market.income;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.IdempotencyKeys;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.cooperatives.CooperativeService;
import cn.bangfu.market.cooperatives.CooperativeStatus;
import cn.bangfu.market.regions.RegionService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recordings (income-rules.md §4): claiming one under an Idempotency-Key, answering a
 * replay with what was recorded, reading one, and correcting one with a reversal.
 */
@ApplicationScoped
public class Recordings {

    @Inject
    EntityManager em;

    @Inject
    RegionService regions;

    @Inject
    BusinessClock clock;

    /** A ledger row with its household's code, as answered. */
    @RegisterForReflection // built by Hibernate from the query's selection
    record ContributionRow(Contribution contribution, String householdCode) {
    }

    /** The outcome of claiming a key: a new recording to write rows under, or the recording it already made. */
    public record Claim(Recording.Stamp stamp, RecordingView replay) {
        boolean replayed() {
            return replay != null;
        }
    }

    /**
     * Claims {@code key} for a cooperative's command, inside the caller's transaction, after the
     * cooperative row was locked: a concurrent replay of the key waits on that lock and then finds
     * this recording. A replay (same key, same request) answers the recording as it was, whatever the
     * cooperative's status since; a reuse (other request) is 422; a new command of a cooperative that
     * is not APPROVED is 409 (and the claim rolls back with it).
     */
    Claim claim(Cooperative cooperative, RecordingKind kind, long sourceId, String key, Records.Canonical request,
                String recordedBy) {
        IdempotencyKeys.require(key);
        String hash = IdempotencyKeys.fingerprint(request.canonical());
        Instant now = BusinessClock.now();
        List<?> claimed = em.createNativeQuery("""
                insert into recording (id, cooperative_id, kind, source_id, idempotency_key, request_hash,
                                       recorded_by, recorded_at)
                values (nextval('recording_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (cooperative_id, idempotency_key) do nothing
                returning id""")
                .setParameter(1, cooperative.id).setParameter(2, kind.name()).setParameter(3, sourceId)
                .setParameter(4, key).setParameter(5, hash).setParameter(6, recordedBy).setParameter(7, now)
                .getResultList();
        if (claimed.isEmpty()) {
            Recording existing = Recording.find("cooperativeId = ?1 and idempotencyKey = ?2", cooperative.id, key)
                    .firstResult();
            if (!existing.requestHash.equals(hash)) {
                throw IdempotencyKeys.reused(key, "recording");
            }
            return new Claim(null, view(existing));
        }
        if (cooperative.status != CooperativeStatus.APPROVED) {
            throw ApiProblem.conflict("cooperative " + cooperative.id + " is " + cooperative.status
                    + ": only an APPROVED cooperative records income",
                    "经营主体 " + cooperative.id + " 的状态是 " + cooperative.status + "：只有状态为 APPROVED 的经营主体才能记录收益");
        }
        return new Claim(new Recording.Stamp(((Number) claimed.get(0)).longValue(), recordedBy, now), null);
    }

    /** A recording written on the service's own initiative: an order line delivered or returned. */
    Recording.Stamp open(long cooperativeId, RecordingKind kind, long sourceId, String recordedBy) {
        Recording recording = new Recording();
        recording.cooperativeId = cooperativeId;
        recording.kind = kind;
        recording.sourceId = sourceId;
        recording.recordedBy = recordedBy;
        recording.recordedAt = BusinessClock.now();
        em.persist(recording);
        return recording.stamp();
    }

    /** A recording the reader may see: 404 when it does not exist, 403 when it is not theirs. */
    public RecordingView get(long id, CooperativeService.Reader reader) {
        return view(requireVisible(id, reader, LockModeType.NONE));
    }

    /**
     * Reverses every row of a recording with a row of the negated amount, dated today in business
     * time, in one new REVERSAL recording. Order-line recordings (corrected by returns), reversals and
     * recordings reversed already are 409. A reversed rent accrual releases its periods.
     */
    @Transactional
    public RecordingView reverse(long id, String reason, String recordedBy, CooperativeService.Reader reader) {
        // Locked: two reversals of one recording run one after the other, and the second sees the first.
        Recording original = requireVisible(id, reader, LockModeType.PESSIMISTIC_WRITE);
        if (original.kind == RecordingKind.REVERSAL) {
            throw ApiProblem.conflict("recording " + id + " is a reversal; a reversal is not reversed",
                    "记录 " + id + " 是一笔冲正；冲正不能再被冲正");
        }
        if (!original.kind.reversible()) {
            throw ApiProblem.conflict("recording " + id + " records an order line (" + original.kind
                    + "); order lines are corrected by returns",
                    "记录 " + id + " 记的是订单行（" + original.kind + "）；订单行通过退货更正");
        }
        Long reversedBy = reversalOf(id);
        if (reversedBy != null) {
            throw ApiProblem.conflict("recording " + id + " was already reversed by recording " + reversedBy,
                    "记录 " + id + " 已被记录 " + reversedBy + " 冲正");
        }
        Recording reversal = new Recording();
        reversal.cooperativeId = original.cooperativeId;
        reversal.kind = RecordingKind.REVERSAL;
        reversal.sourceId = original.sourceId;
        reversal.recordedBy = recordedBy;
        reversal.recordedAt = BusinessClock.now();
        reversal.reversalOf = original.id;
        reversal.reason = reason.strip();
        em.persist(reversal);
        Recording.Stamp stamp = reversal.stamp();

        var today = clock.today();
        List<ContributionView> rows = new ArrayList<>();
        for (ContributionRow row : rows(original.id)) {
            Contribution negated = row.contribution().reversed(stamp, today, reversal.reason);
            em.persist(negated);
            rows.add(ContributionView.of(negated, row.householdCode()));
        }
        if (original.kind == RecordingKind.RENT_ACCRUAL) {
            em.createNativeQuery("update rent_accrual_period set released_by = ?2 where accrual_id = ?1")
                    .setParameter(1, original.sourceId).setParameter(2, reversal.id).executeUpdate();
        }
        em.flush();
        return RecordingView.of(reversal, null, rows);
    }

    /** The recording as answered: its rows in the order written, and the reversal that corrected it, if any. */
    RecordingView view(Recording recording) {
        List<ContributionView> rows = rows(recording.id).stream()
                .map(r -> ContributionView.of(r.contribution(), r.householdCode())).toList();
        return RecordingView.of(recording, reversalOf(recording.id), rows);
    }

    private List<ContributionRow> rows(long recordingId) {
        return em.createQuery("select c, h.code from Contribution c join Household h on h.id = c.householdId "
                        + "where c.recordingId = :recording order by c.id", ContributionRow.class)
                .setParameter("recording", recordingId).getResultList();
    }

    private Long reversalOf(long recordingId) {
        return em.createQuery("select r.id from Recording r where r.reversalOf = :id", Long.class)
                .setParameter("id", recordingId).getSingleResultOrNull();
    }

    private Recording requireVisible(long id, CooperativeService.Reader reader, LockModeType lock) {
        Recording recording = em.find(Recording.class, id, lock);
        if (recording == null) {
            throw ApiProblem.notFound("recording", id);
        }
        if (reader.ownCooperative() != null) {
            if (reader.ownCooperative() != recording.cooperativeId) {
                throw ApiProblem.forbidden("recording " + id + " was not made by your cooperative",
                        "记录 " + id + " 不是由你的经营主体记录的");
            }
        } else {
            Cooperative cooperative = em.find(Cooperative.class, recording.cooperativeId);
            regions.requireGoverned(reader.bureauRegion(), cooperative.regionCode);
        }
        return recording;
    }
}
