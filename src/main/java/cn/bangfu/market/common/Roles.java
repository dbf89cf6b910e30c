package cn.bangfu.market.common;

/** Roles carried in the JWT {@code groups} claim. */
public final class Roles {
    /** Rural-revitalization bureau staff (乡村振兴局); scoped by the {@code region_code} claim. */
    public static final String BUREAU = "bureau";
    /** A business entity (经营主体); scoped by the {@code cooperative_id} claim. */
    public static final String COOPERATIVE = "cooperative";
    /** A paired-region buyer; scoped by the {@code buyer_id} claim. */
    public static final String BUYER = "buyer";

    /** The national root region: a bureau holding it governs every region. */
    public static final String NATIONAL_ROOT = "000000";

    private Roles() {
    }
}
