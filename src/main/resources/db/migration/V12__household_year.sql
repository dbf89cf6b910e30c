-- Year figures kept, not recomputed (issue 12's benchmark; issue 13 §5). Measured with
-- src/bench/income.sh at 100,000 households: the alerts list took 0.96 s (page 0) and 1.25 s
-- (page 100), the at-risk list 0.33 / 0.61 s, because each walked every household of the region,
-- summed its year's income and worked out its members as of 31 December, for two years.
--
-- household_year holds, per household and year, what every year figure starts from: where the
-- household lives, members and category as of 31 December (household_on), the year's ledger
-- total, other income, per capita and the year before's per capita. Nothing in it depends on a
-- monitoring line, so setting or moving a line writes nothing here; the lists compare with the
-- line when they read, through indexes on per capita (at risk and near the line are ranges of
-- it) and on per capita relative to the year before (a drop is a range of that).
-- A row exists for every year in which the household has income (ledger rows or other income)
-- and for every year its province has a monitoring line; without one, the household had no
-- income that year.
--
-- Kept by triggers in the same transaction as what it is computed from, so that no write path
-- can forget it: ledger rows, other income, household rows (a dated change always updates its
-- household row, HouseholdService.follow; a registration inserts one), a province's first line
-- of a year.
-- Per capita in basis points of the year before's, rounded down; null unless that was positive.
-- A drop of §5 is exactly relative_bp < 10000 − dropBp (x < k ⇔ floor(x) < k for a whole k).
create function relative_bp(per_capita_fen bigint, previous_per_capita_fen bigint) returns bigint
    language sql immutable parallel safe
    return case when previous_per_capita_fen > 0
                then floor(per_capita_fen::numeric * 10000 / previous_per_capita_fen)::bigint end;

create table household_year (
    household_id            bigint      not null references household (id),
    year                    integer     not null,
    household_code          varchar(32) not null,
    village_code            varchar(12) not null,
    region_path             varchar(80) not null, -- the village's path ('/620000/…/'), for subtree patterns
    province_code           varchar(6)  not null, -- the village's province (region.province_code), for its line
    members                 integer     not null, -- as of 31 December of the year
    category                varchar(32) not null, -- as of 31 December of the year
    contributions_fen       bigint      not null, -- the ledger's sum (net of reversals and returns)
    other_fen               bigint      not null, -- declared other income (其他收入)
    per_capita_fen          bigint      not null, -- per_capita(contributions_fen + other_fen, members)
    previous_per_capita_fen bigint      not null, -- the year before's per capita, 0 without a row
    relative_bp             bigint generated always as (relative_bp(per_capita_fen, previous_per_capita_fen)) stored,
    primary key (household_id, year)
);

-- The functions below take the households of one statement as an array: a few from a request,
-- 100,000 from a bulk load. Each call is planned for its own array (force_custom_plan): a plan
-- cached for arrays of one household rescanned the array per row of household_year, and a bulk
-- registration of 50,000 took 276 s instead of 1.

-- Where the given households live, and their members, category and per capita, every year (household_on).
create function household_year_place(p_households bigint[]) returns void language plpgsql
    set plan_cache_mode = force_custom_plan as $$
begin
    update household_year y
    set household_code = s.code, village_code = s.village_code, region_path = s.path,
        province_code = s.province_code, members = s.members, category = s.category,
        per_capita_fen = per_capita(y.contributions_fen + y.other_fen, s.members)
    from (select hy.household_id, hy.year, h.code, h.village_code, v.path, v.province_code, st.members, st.category
          from unnest(p_households) as t (id)
          join household_year hy on hy.household_id = t.id
          join household h on h.id = hy.household_id
          join region v on v.code = h.village_code
          cross join lateral household_on(h, make_date(hy.year, 12, 31)) st) s
    where y.household_id = s.household_id and y.year = s.year
      and (y.household_code, y.village_code, y.region_path, y.members, y.category)
          is distinct from (s.code, s.village_code, s.path, s.members, s.category);
end $$;

-- Rows for the years with a line in the province of each household, where missing (no income).
create function household_year_for_lines(p_households bigint[]) returns void language plpgsql
    set plan_cache_mode = force_custom_plan as $$
begin
    insert into household_year (household_id, year, household_code, village_code, region_path, province_code,
                                members, category, contributions_fen, other_fen, per_capita_fen,
                                previous_per_capita_fen)
    select h.id, ml.year, h.code, h.village_code, v.path, v.province_code, s.members, s.category, 0, 0, 0, 0
    from unnest(p_households) as t (id)
    join household h on h.id = t.id
    join region v on v.code = h.village_code
    join monitoring_line ml on ml.province_code = v.province_code
    cross join lateral household_on(h, make_date(ml.year, 12, 31)) s
    where not exists (select 1 from household_year y where y.household_id = h.id and y.year = ml.year)
    order by h.id, ml.year
    on conflict (household_id, year) do nothing;
end $$;

-- The year before's per capita, for the given households' rows of years p_from..p_to (0 without a
-- row). Only rows that differ are written.
create function household_year_previous(p_households bigint[], p_from integer, p_to integer)
    returns void language plpgsql
    set plan_cache_mode = force_custom_plan as $$
begin
    update household_year y
    set previous_per_capita_fen = j.prev
    from (select hy.household_id, hy.year, coalesce(p.per_capita_fen, 0) as prev
          from unnest(p_households) as t (id)
          join household_year hy on hy.household_id = t.id and hy.year between p_from and p_to
          left join household_year p on p.household_id = hy.household_id and p.year = hy.year - 1) j
    where y.household_id = j.household_id and y.year = j.year and y.previous_per_capita_fen <> j.prev;
end $$;

-- Adds ledger and other-income amounts to (household, year) pairs: an update of the rows that
-- exist, an insert of the others, then the previous per capita of those years and of the years
-- after them (which moved). Rows are written in household order.
create function household_year_add(p_households bigint[], p_years integer[], p_contributions bigint[],
                                   p_other bigint[]) returns void language plpgsql
    set plan_cache_mode = force_custom_plan as $$
begin
    update household_year y
    set contributions_fen = y.contributions_fen + d.contributions,
        other_fen = y.other_fen + d.other,
        per_capita_fen = per_capita(y.contributions_fen + d.contributions + y.other_fen + d.other, y.members)
    from unnest(p_households, p_years, p_contributions, p_other) as d (household_id, year, contributions, other)
    where y.household_id = d.household_id and y.year = d.year;

    insert into household_year (household_id, year, household_code, village_code, region_path, province_code,
                                members, category, contributions_fen, other_fen, per_capita_fen,
                                previous_per_capita_fen)
    select d.household_id, d.year, h.code, h.village_code, v.path, v.province_code, s.members, s.category,
           d.contributions, d.other, per_capita(d.contributions + d.other, s.members), 0
    from unnest(p_households, p_years, p_contributions, p_other) as d (household_id, year, contributions, other)
    join household h on h.id = d.household_id
    join region v on v.code = h.village_code
    cross join lateral household_on(h, make_date(d.year, 12, 31)) s
    where not exists (select 1 from household_year y where y.household_id = d.household_id and y.year = d.year)
    order by d.household_id, d.year
    -- another transaction inserted it meanwhile (another mechanism for the same household and year)
    on conflict (household_id, year) do update
        set contributions_fen = household_year.contributions_fen + excluded.contributions_fen,
            other_fen = household_year.other_fen + excluded.other_fen,
            per_capita_fen = per_capita(household_year.contributions_fen + excluded.contributions_fen
                                        + household_year.other_fen + excluded.other_fen, household_year.members);

    perform household_year_previous(p_households, (select min(x) from unnest(p_years) x),
                                   (select max(x) + 1 from unnest(p_years) x));
end $$;

-- Ledger rows: the year figures, beside V4's roll-up per mechanism (contribution_roll_up), which
-- stays as it was.
create function contribution_year_figures() returns trigger language plpgsql as $$
begin
    perform household_year_add(array_agg(household_id order by household_id, year),
                               array_agg(year order by household_id, year),
                               array_agg(total order by household_id, year),
                               array_agg(0::bigint))
    from (select household_id, extract(year from date)::integer as year, sum(amount_fen)::bigint as total
          from new_rows group by 1, 2) n
    having count(*) > 0;
    return null;
end $$;
create trigger contribution_year_figures after insert on contribution
    referencing new table as new_rows
    for each statement execute function contribution_year_figures();

-- Other income: the difference a declaration makes (a declaration is an upsert: its insert and
-- its update each fire once per statement, with the rows they wrote).
create function other_income_declared() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform household_year_add(array_agg(n.household_id order by n.household_id, n.year),
                                   array_agg(n.year order by n.household_id, n.year), array_agg(0::bigint),
                                   array_agg(n.amount_fen order by n.household_id, n.year))
        from new_rows n having count(*) > 0;
    else
        perform household_year_add(array_agg(n.household_id order by n.household_id, n.year),
                                   array_agg(n.year order by n.household_id, n.year), array_agg(0::bigint),
                                   array_agg(n.amount_fen - o.amount_fen order by n.household_id, n.year))
        from new_rows n join old_rows o on o.household_id = n.household_id and o.year = n.year
        having count(*) > 0;
    end if;
    return null;
end $$;
create trigger other_income_inserted after insert on household_other_income
    referencing new table as new_rows
    for each statement execute function other_income_declared();
create trigger other_income_updated after update on household_other_income
    referencing old table as old_rows new table as new_rows
    for each statement execute function other_income_declared();

-- Household rows: a registration gets the years with a line; a change of members or category
-- (or of village) is followed in every year.
create function household_year_follow() returns trigger language plpgsql as $$
declare
    ids bigint[] := (select array_agg(n.id order by n.id) from new_rows n);
begin
    if tg_op = 'UPDATE' then
        perform household_year_place(ids);
        -- a household moved to another province keeps no row of a year with neither income nor line
        delete from household_year y
        using unnest(ids) as t (id)
        where y.household_id = t.id
          and not exists (select 1 from monitoring_line ml where ml.province_code = y.province_code and ml.year = y.year)
          and not exists (select 1 from household_year_income i where i.household_id = y.household_id and i.year = y.year)
          and not exists (select 1 from household_other_income o where o.household_id = y.household_id and o.year = y.year);
    end if;
    perform household_year_for_lines(ids);
    perform household_year_previous(ids, 0, 100000);
    return null;
end $$;
create trigger household_year_registered after insert on household
    referencing new table as new_rows
    for each statement execute function household_year_follow();
create trigger household_year_changed after update on household
    referencing new table as new_rows
    for each statement execute function household_year_follow();

-- A province's first line of a year: every household of the province gets a row for the year
-- (moving the line later writes nothing: the lists compare when they read). Set-based over the
-- province rather than over an array of its households.
create function monitoring_line_first() returns trigger language plpgsql as $$
begin
    insert into household_year (household_id, year, household_code, village_code, region_path, province_code,
                                members, category, contributions_fen, other_fen, per_capita_fen,
                                previous_per_capita_fen)
    select h.id, new.year, h.code, h.village_code, v.path, v.province_code, s.members, s.category, 0, 0, 0,
           coalesce(p.per_capita_fen, 0)
    from household h
    join region v on v.code = h.village_code
    cross join lateral household_on(h, make_date(new.year, 12, 31)) s
    left join household_year p on p.household_id = h.id and p.year = new.year - 1
    where v.province_code = new.province_code
      and not exists (select 1 from household_year y where y.household_id = h.id and y.year = new.year)
    order by h.id
    on conflict (household_id, year) do nothing;
    -- the year after keeps its previous per capita: without a row of this year it was 0, as now
    return null;
end $$;
create trigger monitoring_line_first after insert on monitoring_line
    for each row execute function monitoring_line_first();

-- The figures of the years before this migration: amounts first, then rows for line years, then
-- the previous per capita, the same three steps as the triggers.
insert into household_year (household_id, year, household_code, village_code, region_path, province_code,
                            members, category, contributions_fen, other_fen, per_capita_fen,
                            previous_per_capita_fen)
select t.household_id, t.year, h.code, h.village_code, v.path, v.province_code, s.members, s.category,
       t.contributions, t.other, per_capita(t.contributions + t.other, s.members), 0
from (select household_id, year, sum(contributions)::bigint as contributions, sum(other)::bigint as other
      from (select household_id, year, amount_fen as contributions, 0 as other from household_year_income
            union all
            select household_id, year, 0, amount_fen from household_other_income) a
      group by household_id, year) t
join household h on h.id = t.household_id
join region v on v.code = h.village_code
cross join lateral household_on(h, make_date(t.year, 12, 31)) s;
select household_year_for_lines(array(select id from household));
select household_year_previous(array(select id from household), 0, 100000);

-- The same figures computed from scratch, for every household and every year with income or a
-- line: what the kept rows must always equal (HouseholdYearTest, RecordingMigrationTest).
create view household_year_recomputed as
with amounts as (
    select household_id, year, sum(contributions)::bigint as contributions, sum(other)::bigint as other
    from (select c.household_id, extract(year from c.date)::integer as year, c.amount_fen as contributions,
                 0 as other from contribution c
          union all
          select household_id, year, 0, amount_fen from household_other_income
          union all
          select h.id, ml.year, 0, 0 from household h join region v on v.code = h.village_code
          join monitoring_line ml on ml.province_code = v.province_code) a
    group by household_id, year),
figures as (
    select a.household_id, a.year, h.code, h.village_code, v.path, v.province_code, s.members, s.category,
           a.contributions, a.other, per_capita(a.contributions + a.other, s.members) as per_capita
    from amounts a
    join household h on h.id = a.household_id
    join region v on v.code = h.village_code
    cross join lateral household_on(h, make_date(a.year, 12, 31)) s)
select f.household_id, f.year, f.code as household_code, f.village_code, f.path as region_path,
       f.province_code, f.members, f.category, f.contributions as contributions_fen, f.other as other_fen,
       f.per_capita as per_capita_fen, coalesce(p.per_capita, 0) as previous_per_capita_fen,
       relative_bp(f.per_capita, coalesce(p.per_capita, 0)) as relative_bp
from figures f
left join figures p on p.household_id = f.household_id and p.year = f.year - 1;

-- At risk (防返贫监测), said once for SQL, now on the kept per capita: below the line
-- (IncomeRules.atRisk; the same as V7's annual < line × members). Null without a line.
drop function below_monitoring_line(numeric, integer, numeric);
create function below_monitoring_line(per_capita_fen bigint, line_fen bigint)
    returns boolean language sql immutable parallel safe
    return per_capita_fen < line_fen;

-- Near the line (§5) is per capita below ceil(line × nearLineBp / 10000), a range of it as at risk
-- is: pc · 10000 < L · N ⇔ pc < ceil(L · N / 10000) for whole pc. The bound, said once.
create function near_line_bound(line_fen bigint, near_line_bp integer) returns bigint
    language sql immutable parallel safe
    return div(line_fen::numeric * near_line_bp + 9999, 10000)::bigint;

-- The lists find their candidates by these ranges, then compare exactly and sort by code.
create index household_year_per_capita_idx on household_year (year, province_code, per_capita_fen);
create index household_year_relative_idx on household_year (year, province_code, relative_bp)
    where relative_bp is not null;

-- Alerts (§5) of a year for a region's subtree (its path pattern, '/620000/…/%'): candidates
-- below the near-line bound or with a drop (index ranges), then alert_reasons exactly.
drop function household_alerts(varchar, integer);
create function household_alerts(p_pattern varchar, p_year integer)
    returns table (household_id bigint, household_code varchar, head_name varchar, village_code varchar,
                   members integer, per_capita_fen bigint, previous_per_capita_fen bigint, line_fen bigint,
                   reasons varchar[])
    language sql stable
as $$
    select * from (
        select y.household_id, y.household_code, h.head_name, y.village_code, y.members, y.per_capita_fen,
               y.previous_per_capita_fen, ml.per_capita_fen as line_fen,
               alert_reasons(y.per_capita_fen, y.previous_per_capita_fen, ml.per_capita_fen, ml.near_line_bp,
                             ml.drop_bp) as reasons
        from monitoring_line ml
        join household_year y on y.year = ml.year and y.province_code = ml.province_code
        left join household h on h.id = y.household_id -- removed by the planner where head_name is not read
        where ml.year = p_year and y.region_path like p_pattern
          and (y.per_capita_fen < near_line_bound(ml.per_capita_fen, ml.near_line_bp)
               or y.relative_bp < 10000 - ml.drop_bp)) a
    where cardinality(a.reasons) > 0
$$;
