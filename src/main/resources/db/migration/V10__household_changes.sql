-- v1.1 (income-rules.md §5): households change (有进有出). Members and category on a day are
-- those of the latest change effective on or before it, else the registration; a year's
-- figures take them as of 31 December. Corrections of the record are kept with who and when.

create sequence household_change_seq start with 1 increment by 50;
create table household_change (
    id             bigint       primary key,
    household_id   bigint       not null references household (id),
    effective_from date,        -- null: the registration
    members        integer      check (members between 1 and 99),  -- null: unchanged by this change
    category       varchar(32)  check (category in ('POVERTY_ALLEVIATED', 'MONITORED_UNSTABLE',
                       'MONITORED_MARGINAL', 'MONITORED_SUDDEN_HARDSHIP', 'ORDINARY')),
    reason         varchar(500),
    recorded_by    varchar(255) not null,
    recorded_at    timestamptz  not null,
    check (members is not null or category is not null),
    check (effective_from is not null or (members is not null and category is not null))
);
create unique index household_change_registration_idx on household_change (household_id) where effective_from is null;
create index household_change_household_idx on household_change (household_id, effective_from);

-- Registrations made before v1.1: their members and category as registered.
insert into household_change (id, household_id, effective_from, members, category, reason, recorded_by, recorded_at)
select nextval('household_change_seq'), h.id, null, h.members, h.category, null, 'before-v1.1', h.created_at
from household h;

-- The one place "members and category on a day" is said. An inlinable SQL function:
-- `cross join lateral household_on(h.id, d)` expands into two index probes per household.
create function household_on(p_household bigint, p_day date)
    returns table (members integer, category varchar) language sql stable parallel safe
as $$
    select (select c.members from household_change c
            where c.household_id = p_household and c.members is not null
              and (c.effective_from is null or c.effective_from <= p_day)
            order by c.effective_from desc nulls last, c.id desc limit 1),
           (select c.category from household_change c
            where c.household_id = p_household and c.category is not null
              and (c.effective_from is null or c.effective_from <= p_day)
            order by c.effective_from desc nulls last, c.id desc limit 1)
$$;

-- Corrections of a household's record (PATCH, or a roster row for an existing code).
-- An ID number is kept masked, as everywhere outside the household row itself.
create sequence household_correction_seq start with 1 increment by 50;
create table household_correction (
    id           bigint       primary key,
    household_id bigint       not null references household (id),
    field        varchar(16)  not null check (field in ('headName', 'phone', 'villageCode', 'idNumber')),
    old_value    varchar(100),
    new_value    varchar(100),
    recorded_by  varchar(255) not null,
    recorded_at  timestamptz  not null
);
create index household_correction_household_idx on household_correction (household_id, id);

-- Early warning (§5): how close to the line is near, and how steep a fall is a drop.
alter table monitoring_line add column near_line_bp integer not null default 15000
    check (near_line_bp between 10000 and 100000);
alter table monitoring_line add column drop_bp integer not null default 3000 check (drop_bp between 0 and 10000);

-- Per capita, said once for SQL: floor(annual / members), as IncomeRules.perCapita (Math.floorDiv).
create function per_capita(annual_fen bigint, members integer)
    returns bigint language sql immutable parallel safe
    return floor(annual_fen::numeric / members)::bigint;

-- The alert reasons of §5, said once for SQL (IncomeRules.alerts in Java; SqlRulesTest keeps them equal).
create function alert_reasons(pc bigint, prev bigint, line bigint, near_line_bp integer, drop_bp integer)
    returns varchar[] language sql immutable parallel safe
    return array_remove(array[
        case when pc < line then 'BELOW_LINE' end,
        case when line <= pc and pc::numeric * 10000 < line::numeric * near_line_bp then 'NEAR_LINE' end,
        case when prev > 0 and pc::numeric * 10000 < prev::numeric * (10000 - drop_bp) then 'INCOME_DROP' end
    ]::varchar[], null);

-- Alerts of a year (§5) for the households of a region subtree (path pattern): per capita of the
-- year and of the year before, each over members as of its own 31 December, against the line of
-- the household's province. Only households with a reason; the list and the export read this.
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
        cross join lateral household_on(h.id, make_date(p_year, 12, 31)) cur
        cross join lateral household_on(h.id, make_date(p_year - 1, 12, 31)) prv
        cross join lateral (
            select per_capita(coalesce((select sum(y.amount_fen) from household_year_income y
                                        where y.household_id = h.id and y.year = p_year), 0)::bigint
                              + coalesce((select o.amount_fen from household_other_income o
                                          where o.household_id = h.id and o.year = p_year), 0),
                              cur.members) as pc,
                   per_capita(coalesce((select sum(y.amount_fen) from household_year_income y
                                        where y.household_id = h.id and y.year = p_year - 1), 0)::bigint
                              + coalesce((select o.amount_fen from household_other_income o
                                          where o.household_id = h.id and o.year = p_year - 1), 0),
                              prv.members) as prev_pc) a
        where v.path like p_pattern) x
    where cardinality(x.reasons) > 0
$$;
