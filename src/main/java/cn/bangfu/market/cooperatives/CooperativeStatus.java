package cn.bangfu.market.cooperatives;

/** Review workflow: PENDING → APPROVED ↔ SUSPENDED, moved by bureau staff. */
public enum CooperativeStatus {
    PENDING, APPROVED, SUSPENDED;

    public boolean canMoveTo(CooperativeStatus target) {
        return switch (this) {
            case PENDING, SUSPENDED -> target == APPROVED;
            case APPROVED -> target == SUSPENDED;
        };
    }
}
