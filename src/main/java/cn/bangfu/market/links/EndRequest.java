package cn.bangfu.market.links;

import cn.bangfu.market.common.BusinessDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The last day on which the link is still active. */
public record EndRequest(@NotNull @BusinessDate LocalDate date) {
}
