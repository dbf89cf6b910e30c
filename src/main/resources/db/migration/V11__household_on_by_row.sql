-- Members and category on a day, measured (src/bench/income.sh, 100,000 households): probing
-- household_change for every household cost the alerts list 2.8 s and the at-risk list 0.3 s
-- more. Most households never change after registration; for them the household row itself
-- holds the answer for every day. The row says whether it has dated changes, and the one
-- function that says "members and category on a day" takes the row: it probes the history only
-- for the households that have one.

alter table household add column changed boolean not null default false; -- has a dated change (有进有出)
update household h set changed = true
where exists (select 1 from household_change c where c.household_id = h.id and c.effective_from is not null);

drop function household_alerts(varchar, integer);
drop function household_on(bigint, date);

-- The household row holds today's members and category; without dated changes, those of every day.
create function household_on(h household, p_day date)
    returns table (members integer, category varchar) language sql stable parallel safe
as $$
    select case when not h.changed then h.members
                else (select c.members from household_change c
                      where c.household_id = h.id and c.members is not null
                        and (c.effective_from is null or c.effective_from <= p_day)
                      order by c.effective_from desc nulls last, c.id desc limit 1) end,
           case when not h.changed then h.category
                else (select c.category from household_change c
                      where c.household_id = h.id and c.category is not null
                        and (c.effective_from is null or c.effective_from <= p_day)
                      order by c.effective_from desc nulls last, c.id desc limit 1) end
$$;

-- As in V10, with the yearly sums joined once per year (hash joins) rather than probed per household.
create function household_alerts(p_pattern varchar, p_year integer)
    returns table (household_id bigint, household_code varchar, head_name varchar, village_code varchar,
                   members integer, per_capita_fen bigint, previous_per_capita_fen bigint, line_fen bigint,
                   reasons varchar[])
    language sql stable
as $$
    select * from (
        select h.id, h.code, h.head_name, h.village_code, cur.members, a.pc, a.prev_pc, ml.per_capita_fen,
               alert_reasons(a.pc, a.prev_pc, ml.per_capita_fen, ml.near_line_bp, ml.drop_bp) as reasons
        from household h
        join region v on v.code = h.village_code
        join monitoring_line ml on ml.province_code = v.province_code and ml.year = p_year
        cross join lateral household_on(h, make_date(p_year, 12, 31)) cur
        cross join lateral household_on(h, make_date(p_year - 1, 12, 31)) prv
        left join (select y.household_id, sum(y.amount_fen)::bigint as total from household_year_income y
                   where y.year = p_year group by y.household_id) iy on iy.household_id = h.id
        left join (select y.household_id, sum(y.amount_fen)::bigint as total from household_year_income y
                   where y.year = p_year - 1 group by y.household_id) ip on ip.household_id = h.id
        left join household_other_income oy on oy.household_id = h.id and oy.year = p_year
        left join household_other_income op on op.household_id = h.id and op.year = p_year - 1
        cross join lateral (
            select per_capita(coalesce(iy.total, 0) + coalesce(oy.amount_fen, 0), cur.members) as pc,
                   per_capita(coalesce(ip.total, 0) + coalesce(op.amount_fen, 0), prv.members) as prev_pc) a
        where v.path like p_pattern) x
    where cardinality(x.reasons) > 0
$$;
