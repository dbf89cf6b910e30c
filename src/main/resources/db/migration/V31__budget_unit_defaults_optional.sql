-- A BUDGET_UNIT's food budget and reserve share (预留份额) are optional defaults (the contract's
-- "annualFoodBudgetFen?, reserveBp?"): a year's filing (buyer_reserve, V17) may give them instead.
-- Other kinds still carry neither.
alter table buyer drop constraint buyer_check;
alter table buyer add constraint buyer_budget_defaults_budget_unit_only
    check (kind = 'BUDGET_UNIT' or (annual_food_budget_fen is null and reserve_bp is null));
