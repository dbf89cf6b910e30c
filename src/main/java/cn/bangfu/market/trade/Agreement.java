package cn.bangfu.market.trade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A paired-region purchase agreement (东西部协作 / 粤桂协作): the buyer region buys from the seller region in a year. */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_seq")
    @SequenceGenerator(name = "agreement_seq", sequenceName = "agreement_seq", allocationSize = 50)
    public Long id;

    public String title;

    @Column(name = "buyer_region_code")
    public String buyerRegionCode;

    @Column(name = "seller_region_code")
    public String sellerRegionCode;

    public int year;

    @Column(name = "target_fen")
    public long targetFen;

    @Column(name = "created_at")
    public Instant createdAt;
}
