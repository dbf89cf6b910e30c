package cn.bangfu.market.households;

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
import java.time.LocalDate;

/**
 * A dated change of a household's members or category (有进有出), or its registration
 * ({@code effectiveFrom} null). Which one holds on a day is SQL's {@code household_on}.
 */
@Entity
@Table(name = "household_change")
public class HouseholdChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "household_change_seq")
    @SequenceGenerator(name = "household_change_seq", sequenceName = "household_change_seq", allocationSize = 50)
    public Long id;

    @Column(name = "household_id")
    public long householdId;

    /** Null for the registration. */
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    /** Null when this change leaves the members as they were. */
    public Integer members;

    /** Null when this change leaves the category as it was. */
    @Enumerated(EnumType.STRING)
    public HouseholdCategory category;

    public String reason;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * The order of recording, numbered by the database as the change is written (V29): of two
     * changes effective the same day the later-recorded holds, whichever instance numbered its id.
     */
    @Column(name = "recorded_seq", insertable = false, updatable = false)
    public Long recordedSeq;

    static HouseholdChange of(long householdId, LocalDate effectiveFrom, Integer members, HouseholdCategory category,
                              String reason, String recordedBy, Instant now) {
        HouseholdChange change = new HouseholdChange();
        change.householdId = householdId;
        change.effectiveFrom = effectiveFrom;
        change.members = members;
        change.category = category;
        change.reason = reason;
        change.recordedBy = recordedBy;
        change.recordedAt = now;
        return change;
    }
}
