-- Of two changes of a household effective the same day, the one recorded later holds (README,
-- income-rules.md §5). V10 and V11 told them apart by id, but ids come from each instance's block
-- of 50 (Hibernate's pooled sequence): with two instances a later change can carry the lower id.
-- The database now numbers each change as it is written. A household's changes are written one at
-- a time (its row is locked first: HouseholdService), so for one household this number follows
-- the order of recording on every instance.
create sequence household_change_recorded_seq;
alter table household_change add column recorded_seq bigint;
-- before V29 the id was the order known
update household_change set recorded_seq = id;
select setval('household_change_recorded_seq', coalesce((select max(id) from household_change), 0) + 1, false);
alter table household_change alter column recorded_seq set default nextval('household_change_recorded_seq'),
                             alter column recorded_seq set not null;
alter sequence household_change_recorded_seq owned by household_change.recorded_seq;

-- As in V11, with the later-recorded change first among those of one day.
create or replace function household_on(h household, p_day date)
    returns table (members integer, category varchar) language sql stable parallel safe
as $$
    select case when not h.changed then h.members
                else (select c.members from household_change c
                      where c.household_id = h.id and c.members is not null
                        and (c.effective_from is null or c.effective_from <= p_day)
                      order by c.effective_from desc nulls last, c.recorded_seq desc limit 1) end,
           case when not h.changed then h.category
                else (select c.category from household_change c
                      where c.household_id = h.id and c.category is not null
                        and (c.effective_from is null or c.effective_from <= p_day)
                      order by c.effective_from desc nulls last, c.recorded_seq desc limit 1) end
$$;
