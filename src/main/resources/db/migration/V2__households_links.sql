-- Households registered by bureau staff, and the benefit-linkage ties (联农带农)
-- that bind them to cooperatives.

create sequence household_seq start with 1 increment by 50;
create table household (
    id          bigint       primary key,
    code        varchar(32)  not null unique, -- 户编码
    head_name   varchar(100) not null,        -- 户主姓名
    -- Full resident ID number (GB 11643). Never returned, exported or logged:
    -- views mask it to the first 6 and last 4 characters.
    id_number   varchar(18)  not null check (length(id_number) = 18),
    village_code varchar(12) not null references region (code),
    members     integer      not null check (members >= 1),
    category    varchar(32)  not null check (category in ('POVERTY_ALLEVIATED', 'MONITORED_UNSTABLE',
                    'MONITORED_MARGINAL', 'MONITORED_SUDDEN_HARDSHIP', 'ORDINARY')),
    phone       varchar(32),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index household_village_idx on household (village_code);
create index household_category_idx on household (category);

-- Income from all other sources a household declares for a year (其他收入).
create table household_other_income (
    household_id bigint  not null references household (id),
    year         integer not null check (year between 2000 and 2100),
    amount_fen   bigint  not null check (amount_fen >= 0),
    updated_at   timestamptz not null default now(),
    primary key (household_id, year)
);

create sequence benefit_link_seq start with 1 increment by 50;
create table benefit_link (
    id                       bigint      primary key,
    cooperative_id           bigint      not null references cooperative (id),
    household_id             bigint      not null references household (id),
    mechanism                varchar(16) not null check (mechanism in
                                 ('SALES_SHARE', 'DIVIDEND', 'PROCUREMENT', 'WAGE', 'LAND_RENT')),
    valid_from               date        not null,
    valid_to                 date,       -- inclusive; null = open-ended
    weight                   integer     check (weight >= 1),
    product_id               bigint      references product (id),
    floor_price_fen          bigint      check (floor_price_fen >= 0),
    daily_wage_fen           bigint      check (daily_wage_fen >= 1),
    area_mu                  numeric(12, 2) check (area_mu > 0),
    rent_per_mu_per_year_fen bigint      check (rent_per_mu_per_year_fen >= 1),
    version                  bigint      not null default 0,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    check (valid_to is null or valid_to >= valid_from),
    -- exactly the parameters income-rules.md names for each mechanism
    check (case mechanism
        when 'SALES_SHARE' then weight is not null and floor_price_fen is null and daily_wage_fen is null
                                and area_mu is null and rent_per_mu_per_year_fen is null
        when 'DIVIDEND' then weight is not null and product_id is null and floor_price_fen is null
                             and daily_wage_fen is null and area_mu is null and rent_per_mu_per_year_fen is null
        when 'PROCUREMENT' then product_id is not null and floor_price_fen is not null and weight is null
                                and daily_wage_fen is null and area_mu is null and rent_per_mu_per_year_fen is null
        when 'WAGE' then daily_wage_fen is not null and weight is null and product_id is null
                         and floor_price_fen is null and area_mu is null and rent_per_mu_per_year_fen is null
        when 'LAND_RENT' then area_mu is not null and rent_per_mu_per_year_fen is not null and weight is null
                              and product_id is null and floor_price_fen is null and daily_wage_fen is null
        end)
);
create index benefit_link_cooperative_idx on benefit_link (cooperative_id, mechanism);
create index benefit_link_household_idx on benefit_link (household_id);
