package cn.bangfu.market.catalogue;

public enum ProductStatus {
    ACTIVE, DELISTED
}
