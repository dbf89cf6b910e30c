package cn.bangfu.market.catalogue;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/** A featured product listed by a cooperative. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    public Long id;

    @Column(name = "cooperative_id")
    public long cooperativeId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String unit;

    @Column(name = "price_fen")
    public long priceFen;

    public int stock;

    /** Share of each sale's amount that goes to bound households, in basis points (销售分成). */
    @Column(name = "household_share_bp")
    public int householdShareBp;

    public String brand;

    /** Its code in the cooperative's price list (货号), unique per cooperative; null when none was given. */
    public String sku;

    /** Certification names ({@link Certification}), stored as a PostgreSQL array. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "certifications")
    public String[] certifications;

    @Enumerated(EnumType.STRING)
    public ProductStatus status;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    // 帮扶产品认定, by the county bureau; all null until a recognition is filed
    @Column(name = "recognition_certificate_no")
    public String recognitionCertificateNo;

    @Column(name = "recognition_valid_from")
    public LocalDate recognitionValidFrom;

    @Column(name = "recognition_valid_to")
    public LocalDate recognitionValidTo;

    @Column(name = "recognition_revoked_on")
    public LocalDate recognitionRevokedOn;

    @Column(name = "recognition_revoke_reason")
    public String recognitionRevokeReason;
}
