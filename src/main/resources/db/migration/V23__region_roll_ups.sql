-- Region figures at O(villages + rows listed), not O(households) (issue 13 §5). Measured with
-- src/bench/growth.sh, one county of 1,000 villages: from 10,000 to 1,000,000 households the
-- county's at-risk list went from 21 ms to 0.88 s, its alerts from 29 ms to 1.5 s and its region
-- report from 34 ms to 1.2 s, because each counted or walked every household of the region.
--
-- Kept here, in the same transaction as what they follow (triggers, as V12's year figures):
--   * household_year.at_risk and .alerted: the household's judgement against its province's line
--     of the year, rewritten for the province when its line is set or moved (a write of
--     O(households of the province), once; reading the lists needs no line comparison);
--   * village_year: per village and year, what the region report and the lists' totals add up;
--   * village_households: the roster count per village;
--   * village_linked_change: per village, the change of the number of linked households (联农带农)
--     from one year to the next, so that a year's linked count is a sum over a few rows; a link
--     may be open-ended, so a count per year could not be kept.
-- The lists read their page along partial indexes in (year, village path, household code) order:
-- by village, then household code.

-- At risk and alerted, each said once (the lists, village_year and the line's trigger call them):
-- false without a line.
create function household_at_risk(per_capita_fen bigint, line_fen bigint) returns boolean
    language sql immutable parallel safe
    return coalesce(below_monitoring_line(per_capita_fen, line_fen), false);

create function household_alerted(per_capita_fen bigint, previous_per_capita_fen bigint, line_fen bigint,
                                  near_line_bp integer, drop_bp integer) returns boolean
    language sql immutable parallel safe
    return coalesce(cardinality(alert_reasons(per_capita_fen, previous_per_capita_fen, line_fen, near_line_bp,
                                              drop_bp)) > 0, false);

alter table household_year add column at_risk boolean not null default false,
                           add column alerted boolean not null default false;

update household_year y
set at_risk = household_at_risk(y.per_capita_fen, ml.per_capita_fen),
    alerted = household_alerted(y.per_capita_fen, y.previous_per_capita_fen, ml.per_capita_fen, ml.near_line_bp,
                                ml.drop_bp)
from monitoring_line ml
where ml.province_code = y.province_code and ml.year = y.year;

-- A statement's rows get their flags once it has written them, in one set-based pass: only rows
-- whose flags change are written again (a household crossing the line). A row-level trigger did
-- the same at about 50 µs a row: a dividend across 20,000 households took 2 s longer.
create function household_year_flags() returns trigger language plpgsql as $$
begin
    if not exists (select from new_rows) then
        return null; -- a statement trigger fires for no rows too (and the update below is one)
    end if;
    update household_year y
    set at_risk = f.at_risk, alerted = f.alerted
    from (select n.household_id, n.year, n.at_risk as was_at_risk, n.alerted as was_alerted,
                 household_at_risk(n.per_capita_fen, ml.per_capita_fen) as at_risk,
                 household_alerted(n.per_capita_fen, n.previous_per_capita_fen, ml.per_capita_fen,
                                   ml.near_line_bp, ml.drop_bp) as alerted
          from new_rows n
          left join monitoring_line ml on ml.province_code = n.province_code and ml.year = n.year) f
    where y.household_id = f.household_id and y.year = f.year
      and (f.was_at_risk, f.was_alerted) is distinct from (f.at_risk, f.alerted);
    return null;
end $$;
-- (the update above fires these once more, with rows whose flags are right: that writes nothing)
create trigger household_year_flags_inserted after insert on household_year
    referencing new table as new_rows for each statement execute function household_year_flags();
create trigger household_year_flags_updated after update on household_year
    referencing new table as new_rows for each statement execute function household_year_flags();

-- V12's first line of a year, now with the new rows' flags in the insert: set afterwards by the
-- trigger above, every row at risk was written twice (a first line over 100,000 households took
-- 4 s instead of 2).
create or replace function monitoring_line_first() returns trigger language plpgsql as $$
begin
    insert into household_year (household_id, year, household_code, village_code, region_path, province_code,
                                members, category, contributions_fen, other_fen, per_capita_fen,
                                previous_per_capita_fen, at_risk, alerted)
    select h.id, new.year, h.code, h.village_code, v.path, v.province_code, s.members, s.category, 0, 0, 0,
           coalesce(p.per_capita_fen, 0), household_at_risk(0, new.per_capita_fen),
           household_alerted(0, coalesce(p.per_capita_fen, 0), new.per_capita_fen, new.near_line_bp, new.drop_bp)
    from household h
    join region v on v.code = h.village_code
    cross join lateral household_on(h, make_date(new.year, 12, 31)) s
    left join household_year p on p.household_id = h.id and p.year = new.year - 1
    where v.province_code = new.province_code
      and not exists (select 1 from household_year y where y.household_id = h.id and y.year = new.year)
    order by h.id
    on conflict (household_id, year) do nothing;
    return null;
end $$;

-- A line set, moved or removed: the flags of its province's rows of the year, where they change.
-- Runs after monitoring_line_first (triggers fire in name order), whose new rows have theirs.
create function monitoring_line_flags() returns trigger language plpgsql as $$
declare
    line monitoring_line := case when tg_op = 'DELETE' then null else new end;
    province varchar := case when tg_op = 'DELETE' then old.province_code else new.province_code end;
    line_year integer := case when tg_op = 'DELETE' then old.year else new.year end;
begin
    update household_year y
    set at_risk = household_at_risk(y.per_capita_fen, line.per_capita_fen),
        alerted = household_alerted(y.per_capita_fen, y.previous_per_capita_fen, line.per_capita_fen,
                                    line.near_line_bp, line.drop_bp)
    where y.year = line_year and y.province_code = province
      and (y.at_risk, y.alerted) is distinct from
          (household_at_risk(y.per_capita_fen, line.per_capita_fen),
           household_alerted(y.per_capita_fen, y.previous_per_capita_fen, line.per_capita_fen,
                             line.near_line_bp, line.drop_bp));
    return null;
end $$;
create trigger monitoring_line_flags after insert or update or delete on monitoring_line
    for each row execute function monitoring_line_flags();

-- The flags computed from scratch, for the tests (HouseholdYearTest): what the kept ones must equal.
create view household_year_flags_recomputed as
select r.household_id, r.year, household_at_risk(r.per_capita_fen, ml.per_capita_fen) as at_risk,
       household_alerted(r.per_capita_fen, r.previous_per_capita_fen, ml.per_capita_fen, ml.near_line_bp,
                         ml.drop_bp) as alerted
from household_year_recomputed r
left join monitoring_line ml on ml.province_code = r.province_code and ml.year = r.year;

create index household_year_at_risk_idx on household_year (year, region_path collate "C", household_code collate "C")
    where at_risk;
create index household_year_alerted_idx on household_year (year, region_path collate "C", household_code collate "C")
    where alerted;
-- superseded by the flags' indexes (the lists no longer compare per capita when they read)
drop index household_year_per_capita_idx;
drop index household_year_relative_idx;

-- Per village and year: households with figures, their ledger and other income, at risk, alerted.
create table village_year (
    village_code      varchar(12) not null,
    year              integer     not null,
    region_path       varchar(80) not null collate "C", -- the village's path, for subtree patterns
    households        bigint      not null, -- with a household_year row of the year
    contributions_fen bigint      not null,
    other_fen         bigint      not null,
    at_risk           bigint      not null,
    alerted           bigint      not null,
    primary key (village_code, year)
);
create index village_year_path_idx on village_year (year, region_path);

-- The same sums from household_year, for the migration and for the tests (HouseholdYearTest).
create view village_year_recomputed as
select village_code, year, region_path collate "C" as region_path, count(*) as households,
       sum(contributions_fen)::bigint as contributions_fen, sum(other_fen)::bigint as other_fen,
       count(*) filter (where at_risk) as at_risk, count(*) filter (where alerted) as alerted
from household_year
group by village_code, year, region_path;

insert into village_year select * from village_year_recomputed;

-- What a transaction changes in the villages' figures is gathered here and added at its commit, in
-- village order, by one deferred trigger. A recording writes in batches ordered by household, not
-- by village: two recordings adding to the same villages batch by batch could each wait for the
-- other's (a deadlock). Added at commit, each transaction locks the villages' rows in one order
-- and holds them only while it commits. Unlogged: no row outlives its transaction.
create unlogged table village_change (
    txid              bigint      not null default txid_current(),
    village_code      varchar(12) not null,
    year              integer,                 -- null for the roster count
    region_path       varchar(80) collate "C", -- set for village_year's sums
    households        bigint      not null default 0,
    contributions_fen bigint      not null default 0,
    other_fen         bigint      not null default 0,
    at_risk           bigint      not null default 0,
    alerted           bigint      not null default 0,
    roster            bigint      not null default 0, -- for village_households
    linked            bigint      not null default 0  -- for village_linked_change
);
create index village_change_txid_idx on village_change (txid);
create unlogged table village_change_commit (txid bigint primary key);

-- Called by every writer of village_change: the transaction's changes are added at its commit.
create function village_changes_at_commit() returns void language sql as $$
    insert into village_change_commit values (txid_current()) on conflict do nothing;
$$;

create function village_changes_apply() returns trigger language plpgsql as $$
begin
    insert into village_year as v (village_code, year, region_path, households, contributions_fen, other_fen,
                                   at_risk, alerted)
    select village_code, year, min(region_path), sum(households), sum(contributions_fen), sum(other_fen),
           sum(at_risk), sum(alerted)
    from village_change
    where txid = new.txid and region_path is not null
    group by village_code, year
    having sum(households) <> 0 or sum(contributions_fen) <> 0 or sum(other_fen) <> 0 or sum(at_risk) <> 0
        or sum(alerted) <> 0
    order by village_code, year
    on conflict (village_code, year) do update
        set households = v.households + excluded.households,
            contributions_fen = v.contributions_fen + excluded.contributions_fen,
            other_fen = v.other_fen + excluded.other_fen,
            at_risk = v.at_risk + excluded.at_risk,
            alerted = v.alerted + excluded.alerted;
    insert into village_households as v (village_code, households)
    select village_code, sum(roster) from village_change
    where txid = new.txid and roster <> 0
    group by village_code having sum(roster) <> 0
    order by village_code
    on conflict (village_code) do update set households = v.households + excluded.households;
    insert into village_linked_change as c (village_code, year, delta)
    select village_code, year, sum(linked) from village_change
    where txid = new.txid and linked <> 0
    group by village_code, year having sum(linked) <> 0
    order by village_code, year
    on conflict (village_code, year) do update set delta = c.delta + excluded.delta;
    delete from village_change where txid = new.txid;
    delete from village_change_commit where txid = new.txid;
    return null;
end $$;
create constraint trigger village_changes_apply after insert on village_change_commit
    deferrable initially deferred for each row execute function village_changes_apply();

-- The rows a statement wrote, less those it replaced or removed, by village and year; only sums that
-- move are kept. The transition tables differ by operation, so the source is assembled; the sums
-- are said once.
create function village_year_follow() returns trigger language plpgsql as $$
declare
    source text := case tg_op
        when 'INSERT' then 'select *, 1 as sign from new_rows'
        when 'DELETE' then 'select *, -1 as sign from old_rows'
        else 'select *, 1 as sign from new_rows union all select *, -1 from old_rows' end;
begin
    execute format($q$
        insert into village_change (village_code, year, region_path, households, contributions_fen, other_fen,
                                    at_risk, alerted)
        select village_code, year, region_path, sum(sign), sum(sign * contributions_fen), sum(sign * other_fen),
               sum(sign * at_risk::integer), sum(sign * alerted::integer)
        from (select village_code, year, region_path, contributions_fen, other_fen, at_risk, alerted, sign
              from (%s) r) d
        group by village_code, year, region_path
        having sum(sign) <> 0 or sum(sign * contributions_fen) <> 0 or sum(sign * other_fen) <> 0
            or sum(sign * at_risk::integer) <> 0 or sum(sign * alerted::integer) <> 0$q$, source);
    perform village_changes_at_commit();
    return null;
end $$;
create trigger village_year_inserted after insert on household_year
    referencing new table as new_rows for each statement execute function village_year_follow();
create trigger village_year_updated after update on household_year
    referencing old table as old_rows new table as new_rows for each statement execute function village_year_follow();
create trigger village_year_deleted after delete on household_year
    referencing old table as old_rows for each statement execute function village_year_follow();

-- The roster count per village.
create table village_households (
    village_code varchar(12) primary key,
    households   bigint      not null
);
insert into village_households select village_code, count(*) from household group by village_code;

-- Each household's linked years as islands: the years in which one of its links is active
-- (link_active over the year: valid_from's year ≤ year ≤ valid_to's year), merged where they
-- overlap or touch; to_year null is open-ended.
create view household_link_islands as
with spans as (
    select household_id, extract(year from valid_from)::integer as from_year,
           coalesce(extract(year from valid_to)::integer, 1000000) as to_year
    from benefit_link),
starts as (
    select household_id, from_year, to_year,
           coalesce(from_year > 1 + max(to_year) over (partition by household_id order by from_year, to_year
                                                       rows between unbounded preceding and 1 preceding), true) as starts
    from spans),
numbered as (
    select household_id, from_year, to_year,
           count(*) filter (where starts) over (partition by household_id order by from_year, to_year
                                                rows unbounded preceding) as island
    from starts)
select household_id, min(from_year) as from_year, nullif(max(to_year), 1000000) as to_year
from numbered
group by household_id, island;

-- The islands kept, so that a change of links knows what it replaces.
create table household_link_years (
    household_id bigint  not null references household (id),
    from_year    integer not null,
    to_year      integer, -- null: open-ended
    primary key (household_id, from_year)
);
insert into household_link_years select * from household_link_islands;

-- Per village: households linked in a year = the sum of delta over the rows of years ≤ that year
-- (+1 where an island starts, −1 the year after it ends).
create table village_linked_change (
    village_code varchar(12) not null,
    year         integer     not null,
    delta        bigint      not null,
    primary key (village_code, year)
);
-- Each household's changes of its linked count, said once: +1 in the year an island starts, −1 the
-- year after it ends (none for an open-ended one).
create view household_linked_change as
select i.household_id, d.year, d.delta
from household_link_years i
cross join lateral (values (i.from_year, 1), (i.to_year + 1, -1)) d (year, delta)
where d.year is not null;

insert into village_linked_change
select h.village_code, c.year, sum(c.delta)
from household_linked_change c
join household h on h.id = c.household_id
group by 1, 2
having sum(c.delta) <> 0;

-- The same counts from the links, for the tests: households of each village linked in a year.
create function village_linked_recomputed(p_year integer)
    returns table (village_code varchar, linked bigint) language sql stable
as $$
    select h.village_code, count(distinct h.id)
    from household h join benefit_link l on l.household_id = h.id
    where link_active(l.valid_from, l.valid_to, make_date(p_year, 1, 1), make_date(p_year, 12, 31))
    group by h.village_code
$$;

-- Adds (p_sign 1) or takes away (−1) the given households' kept islands to their current villages' changes.
create function village_linked_add(p_households bigint[], p_sign integer) returns void language sql as $$
    insert into village_change (village_code, year, linked)
    select h.village_code, c.year, p_sign * sum(c.delta)
    from household_linked_change c
    join household h on h.id = c.household_id
    where c.household_id = any (p_households)
    group by 1, 2
    having sum(c.delta) <> 0;
    select village_changes_at_commit();
$$;

-- Links written: the islands of their households again, the changes moved by the difference.
create function household_link_years_follow() returns trigger language plpgsql as $$
declare
    source text := case tg_op
        when 'INSERT' then 'select household_id from new_rows'
        when 'DELETE' then 'select household_id from old_rows'
        else 'select household_id from new_rows union select household_id from old_rows' end;
    ids bigint[];
begin
    execute format('select array_agg(distinct household_id order by household_id) from (%s) r', source) into ids;
    perform village_linked_add(ids, -1);
    delete from household_link_years where household_id = any (ids);
    insert into household_link_years select * from household_link_islands where household_id = any (ids);
    perform village_linked_add(ids, 1);
    return null;
end $$;
create trigger household_link_years_inserted after insert on benefit_link
    referencing new table as new_rows for each statement execute function household_link_years_follow();
create trigger household_link_years_updated after update on benefit_link
    referencing old table as old_rows new table as new_rows for each statement execute function household_link_years_follow();
create trigger household_link_years_deleted after delete on benefit_link
    referencing old table as old_rows for each statement execute function household_link_years_follow();

-- Households registered, moved or removed: the roster counts, and a moved household's islands
-- taken from its old village's changes and added to its new one's.
create function village_households_follow() returns trigger language plpgsql as $$
declare
    source text := case tg_op
        when 'INSERT' then 'select id, village_code, 1 as sign from new_rows'
        when 'DELETE' then 'select id, village_code, -1 as sign from old_rows'
        else 'select n.id, n.village_code, 1 from new_rows n join old_rows o on o.id = n.id
                  where o.village_code <> n.village_code
              union all
              select o.id, o.village_code, -1 from new_rows n join old_rows o on o.id = n.id
                  where o.village_code <> n.village_code' end;
begin
    execute format($q$
        with moved as (select * from (%s) r (id, village_code, sign)),
        counts as (
            insert into village_change (village_code, roster)
            select village_code, sum(sign) from moved group by 1 having sum(sign) <> 0)
        insert into village_change (village_code, year, linked)
        select m.village_code, c.year, sum(m.sign * c.delta)
        from moved m
        join household_linked_change c on c.household_id = m.id
        group by 1, 2
        having sum(m.sign * c.delta) <> 0$q$, source);
    perform village_changes_at_commit();
    return null;
end $$;
create trigger village_households_registered after insert on household
    referencing new table as new_rows for each statement execute function village_households_follow();
create trigger village_households_moved after update on household
    referencing old table as old_rows new table as new_rows for each statement execute function village_households_follow();
create trigger village_households_removed after delete on household
    referencing old table as old_rows for each statement execute function village_households_follow();

-- The alerts function (V12) reads the kept flag; the same columns, with the village's path for the order.
drop function household_alerts(varchar, integer);
create function household_alerts(p_pattern varchar, p_year integer)
    returns table (household_id bigint, household_code varchar, head_name varchar, village_code varchar,
                   region_path varchar, members integer, per_capita_fen bigint, previous_per_capita_fen bigint,
                   line_fen bigint, reasons varchar[])
    language sql stable
as $$
    select y.household_id, y.household_code, h.head_name, y.village_code, y.region_path, y.members,
           y.per_capita_fen, y.previous_per_capita_fen, ml.per_capita_fen as line_fen,
           alert_reasons(y.per_capita_fen, y.previous_per_capita_fen, ml.per_capita_fen, ml.near_line_bp,
                         ml.drop_bp) as reasons
    from household_year y
    join monitoring_line ml on ml.year = y.year and ml.province_code = y.province_code
    left join household h on h.id = y.household_id -- removed by the planner where head_name is not read
    where y.year = p_year and y.alerted and y.region_path collate "C" like p_pattern
$$;
