-- paid_by_category counts a paid household under its category as of 31 December of the year
-- (income-rules.md §5: "members (and the household's category) as of 31 December of Y"), read
-- from household_year (V12), which holds it for every household with ledger rows in the year, as
-- a paid household has. Before, it was today's category (household.category), so last year's
-- assessment moved whenever a household changed category, and a change dated ahead moved it the
-- day it took effect.
create or replace function cooperative_assessment(p_pattern text, p_only bigint, p_year integer)
    returns table (cooperative_id bigint, name text, kind text, region_code text, sales_fen bigint,
                   household_income_fen bigint, by_mechanism jsonb, linked_households bigint,
                   paid_households bigint, paid_by_category jsonb)
    language sql stable parallel safe
as $$
with entity as (
    select c.id, c.name, c.kind, c.region_code
    from cooperative c join region r on r.code = c.region_code
    where r.path like p_pattern and (p_only is null or c.id = p_only)),
sales as (
    select m.cooperative_id, sum(m.signed_fen)::bigint as fen
    from sale_movement m
    where m.business_date between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)
      and m.cooperative_id in (select id from entity)
    group by 1),
per_household as (
    select y.cooperative_id, y.household_id, y.mechanism, y.amount_fen as fen
    from cooperative_household_year y
    where y.year = p_year and y.cooperative_id in (select id from entity)),
income as (
    select m.cooperative_id, sum(m.fen)::bigint as fen, jsonb_object_agg(m.mechanism, m.fen) as by_mechanism
    from (select cooperative_id, mechanism, sum(fen)::bigint as fen from per_household group by 1, 2) m
    group by 1),
paid as (
    select p.cooperative_id, sum(p.households)::bigint as households,
           jsonb_object_agg(p.category, p.households) as by_category
    from (select n.cooperative_id, y.category, count(*)::bigint as households
          from (select cooperative_id, household_id from per_household group by 1, 2 having sum(fen) > 0) n
          join household_year y on y.household_id = n.household_id and y.year = p_year
          group by 1, 2) p
    group by 1),
linked as (
    select l.cooperative_id, count(distinct l.household_id)::bigint as households
    from benefit_link l
    where link_active(l.valid_from, l.valid_to, make_date(p_year, 1, 1), make_date(p_year, 12, 31))
      and l.cooperative_id in (select id from entity)
    group by 1)
select e.id, e.name::text, e.kind::text, e.region_code::text, coalesce(s.fen, 0), coalesce(i.fen, 0),
       coalesce(i.by_mechanism, '{}'), coalesce(k.households, 0), coalesce(p.households, 0),
       coalesce(p.by_category, '{}')
from entity e
left join sales s on s.cooperative_id = e.id
left join income i on i.cooperative_id = e.id
left join paid p on p.cooperative_id = e.id
left join linked k on k.cooperative_id = e.id
order by e.id
$$;
