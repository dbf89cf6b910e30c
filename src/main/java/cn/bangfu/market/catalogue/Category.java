package cn.bangfu.market.catalogue;

public enum Category {
    FRUIT, LIVESTOCK, VEGETABLE, GRAIN, MUSHROOM, HERB, HONEY, OTHER
}
