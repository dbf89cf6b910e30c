package cn.bangfu.market.cooperatives;

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

/** A business entity that lists products and is bound to households (经营主体). */
@Entity
@Table(name = "cooperative")
public class Cooperative extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cooperative_seq")
    @SequenceGenerator(name = "cooperative_seq", sequenceName = "cooperative_seq", allocationSize = 50)
    public Long id;

    public String name;

    @Column(name = "credit_code")
    public String creditCode; // 统一社会信用代码

    @Enumerated(EnumType.STRING)
    public CooperativeKind kind;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Enumerated(EnumType.STRING)
    public CooperativeStatus status;

    @Column(name = "status_note")
    public String statusNote;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
