package cn.bangfu.market.regions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An administrative region (省/市/县/乡/村). */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    /** '/620000/620800/620826/': the chain of ancestor codes, this one last. */
    public String path;

    @Column(name = "poverty_alleviated")
    public boolean povertyAlleviated; // 脱贫县/村

    @Column(name = "key_assistance")
    public boolean keyAssistance; // 乡村振兴重点帮扶

    @Column(name = "created_at")
    public Instant createdAt;
}
