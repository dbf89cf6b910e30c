-- The 联农带农 assessment of business entities (api.md "Recognition, reserves and assessment"),
-- said once: the report (GET /reports/cooperatives, GET /cooperatives/{id}/report) and the export
-- (GET /exports/cooperatives) both read this function. Per entity registered in the region
-- (p_pattern, a region path prefix), or only p_only when given, for the days p_first..p_last:
--   sales_fen             delivered minus returned line amounts by business date (sale_movement)
--   household_income_fen  the net of its contributions dated in the days, by_mechanism the same
--                         per mechanism (a mechanism without rows is absent)
--   linked_households     households with a link of the entity active on one of the days
--   paid_households       households whose net from the entity is positive, paid_by_category the
--                         same per the household's current category
create function cooperative_assessment(p_pattern text, p_only bigint, p_first date, p_last date)
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
    where m.business_date between p_first and p_last and m.cooperative_id in (select id from entity)
    group by 1),
per_household as (
    select t.cooperative_id, t.household_id, t.mechanism, sum(t.amount_fen)::bigint as fen
    from contribution t
    where t.date between p_first and p_last and t.cooperative_id in (select id from entity)
    group by 1, 2, 3),
income as (
    select m.cooperative_id, sum(m.fen)::bigint as fen, jsonb_object_agg(m.mechanism, m.fen) as by_mechanism
    from (select cooperative_id, mechanism, sum(fen)::bigint as fen from per_household group by 1, 2) m
    group by 1),
paid as (
    select p.cooperative_id, sum(p.households)::bigint as households,
           jsonb_object_agg(p.category, p.households) as by_category
    from (select n.cooperative_id, h.category, count(*)::bigint as households
          from (select cooperative_id, household_id from per_household group by 1, 2 having sum(fen) > 0) n
          join household h on h.id = n.household_id
          group by 1, 2) p
    group by 1),
linked as (
    select l.cooperative_id, count(distinct l.household_id)::bigint as households
    from benefit_link l
    where link_active(l.valid_from, l.valid_to, p_first, p_last) and l.cooperative_id in (select id from entity)
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

-- returnedBp = halfUp(householdIncomeFen × 10000 / salesFen), null without (positive) sales: the
-- export's column. AssessmentRules.returnedBp says the same in Java (the report's); SqlRulesTest
-- checks that the two agree on random cases.
create function returned_bp(household_income_fen bigint, sales_fen bigint) returns bigint
    language sql immutable parallel safe
    return case when sales_fen > 0
                then sign(household_income_fen)::bigint
                     * ((2 * abs(household_income_fen) * 10000 + sales_fen) / (2 * sales_fen)) end;
