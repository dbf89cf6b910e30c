package cn.bangfu.market.cooperatives;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record StatusRequest(@NotNull CooperativeStatus status, @Size(max = 500) String note) {
}
