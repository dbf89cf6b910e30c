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
import jakarta.persistence.Version;

import java.time.Instant;

/** A rural household (农户) registered by bureau staff. */
@Entity
@Table(name = "household")
public class Household extends PanacheEntityBase {

    /** HQL: the household {@code h} lies in the region subtree whose path pattern is {@code :pattern}. */
    public static final String IN_REGION = "h.villageCode in (select r.code from Region r where r.path like :pattern)";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "household_seq")
    @SequenceGenerator(name = "household_seq", sequenceName = "household_seq", allocationSize = 50)
    public Long id;

    /** 户编码 */
    public String code;

    @Column(name = "head_name")
    public String headName;

    /** The full resident ID number: never returned, exported or logged (see {@link IdNumbers#mask}). */
    @Column(name = "id_number")
    public String idNumber;

    @Column(name = "village_code")
    public String villageCode;

    public int members;

    @Enumerated(EnumType.STRING)
    public HouseholdCategory category;

    public String phone;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Keeps the ID number out of any accidental log line. */
    @Override
    public String toString() {
        return "Household[id=" + id + ", code=" + code + "]";
    }
}
