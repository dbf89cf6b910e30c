package cn.bangfu.market.links;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The last day on which the link is still active. */
public record EndRequest(@NotNull LocalDate date) {
}
