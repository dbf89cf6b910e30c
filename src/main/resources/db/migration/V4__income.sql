-- The income engine (income-rules.md): an append-only contribution ledger, the
-- records that create contributions, and monitoring lines (防返贫监测).

create table monitoring_line (
    province_code  varchar(12) not null references region (code),
    year           integer     not null check (year between 2000 and 2100),
    per_capita_fen bigint      not null check (per_capita_fen >= 0),
    updated_at     timestamptz not null default now(),
    primary key (province_code, year)
);

create sequence procurement_seq start with 1 increment by 50;
create table procurement (
    id              bigint      primary key,
    cooperative_id  bigint      not null references cooperative (id),
    household_id    bigint      not null references household (id),
    product_id      bigint      not null references product (id),
    link_id         bigint      not null references benefit_link (id),
    quantity        numeric(14, 3) not null check (quantity > 0),
    unit_price_fen  bigint      not null check (unit_price_fen >= 0),
    price_paid_fen  bigint      not null check (price_paid_fen >= 0), -- max(unit price, floor price)
    date            date        not null,
    created_at      timestamptz not null default now()
);

create sequence wage_record_seq start with 1 increment by 50;
create table wage_record (
    id             bigint      primary key,
    cooperative_id bigint      not null references cooperative (id),
    household_id   bigint      not null references household (id),
    link_id        bigint      not null references benefit_link (id),
    days           numeric(4, 1) not null check (days > 0 and days <= 31),
    date           date        not null,
    created_at     timestamptz not null default now()
);

create sequence dividend_seq start with 1 increment by 50;
create table dividend_declaration (
    id             bigint      primary key,
    cooperative_id bigint      not null references cooperative (id),
    amount_fen     bigint      not null check (amount_fen >= 1),
    date           date        not null,
    note           varchar(500),
    created_at     timestamptz not null default now()
);

create sequence rent_accrual_seq start with 1 increment by 50;
create table rent_accrual (
    id             bigint      primary key,
    cooperative_id bigint      not null references cooperative (id),
    from_date      date        not null,
    to_date        date        not null,
    created_at     timestamptz not null default now(),
    check (from_date <= to_date and extract(year from from_date) = extract(year from to_date))
);
-- The days of each link an accrual paid for: the guard against paying rent twice.
create table rent_accrual_period (
    accrual_id bigint not null references rent_accrual (id),
    link_id    bigint not null references benefit_link (id),
    from_date  date   not null,
    to_date    date   not null,
    primary key (accrual_id, link_id)
);
create index rent_accrual_period_link_idx on rent_accrual_period (link_id, from_date);

create sequence contribution_seq start with 1 increment by 50;
create table contribution (
    id             bigint      primary key,
    household_id   bigint      not null references household (id),
    cooperative_id bigint      not null references cooperative (id),
    link_id        bigint      not null references benefit_link (id),
    mechanism      varchar(16) not null
        check (mechanism in ('SALES_SHARE', 'DIVIDEND', 'PROCUREMENT', 'WAGE', 'LAND_RENT')),
    amount_fen     bigint      not null, -- negative for a reversal
    date           date        not null,
    source_type    varchar(16) not null
        check (source_type in ('ORDER_LINE', 'PROCUREMENT', 'WAGE_RECORD', 'DIVIDEND', 'RENT_ACCRUAL')),
    source_id      bigint      not null,
    reversal_of    bigint      references contribution (id),
    created_at     timestamptz not null default now()
);
create index contribution_household_date_idx on contribution (household_id, date) include (mechanism, amount_fen);
create index contribution_cooperative_date_idx on contribution (cooperative_id, date);
create index contribution_source_idx on contribution (source_type, source_id);
create index contribution_date_idx on contribution (date, id);

-- The ledger is append-only: any total is the sum of its rows.
create function contribution_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'contributions are append-only: % is not allowed', tg_op;
end $$;
create trigger contribution_append_only before update or delete on contribution
    for each row execute function contribution_is_append_only();
create trigger contribution_no_truncate before truncate on contribution
    for each statement execute function contribution_is_append_only();

-- Per household, year and mechanism, the sum of the ledger: kept by a statement-level
-- trigger in the same transaction as the rows, so the at-risk list and the exports
-- aggregate 5 rows per household instead of its whole ledger.
create table household_year_income (
    household_id bigint      not null references household (id),
    year         integer     not null,
    mechanism    varchar(16) not null,
    amount_fen   bigint      not null,
    primary key (household_id, year, mechanism)
);

create function contribution_roll_up() returns trigger language plpgsql as $$
begin
    insert into household_year_income (household_id, year, mechanism, amount_fen)
    select household_id, extract(year from date)::integer, mechanism, sum(amount_fen)
    from new_rows
    group by household_id, extract(year from date)::integer, mechanism
    order by 1, 2, 3
    on conflict (household_id, year, mechanism)
        do update set amount_fen = household_year_income.amount_fen + excluded.amount_fen;
    return null;
end $$;
create trigger contribution_roll_up after insert on contribution
    referencing new table as new_rows
    for each statement execute function contribution_roll_up();
create index household_year_income_year_idx on household_year_income (year, household_id) include (amount_fen);
