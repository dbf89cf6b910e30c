package cn.bangfu.market.cooperatives;

import cn.bangfu.market.common.Note;

import jakarta.validation.constraints.NotNull;

public record StatusRequest(@NotNull CooperativeStatus status, @Note(max = 500) String note) {
}
