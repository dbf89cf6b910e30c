package cn.bangfu.market.households;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A correction of a household's record: one field, old → new, who and when. ID numbers are stored masked. */
@Entity
@Table(name = "household_correction")
public class HouseholdCorrection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "household_correction_seq")
    @SequenceGenerator(name = "household_correction_seq", sequenceName = "household_correction_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "household_id")
    public long householdId;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
