-- Catalogue: administrative regions, cooperatives (经营主体) and their products.

-- Regions follow GB/T 2260 (province/city/county, 6 digits) and the 12-digit
-- statistical codes (township, village). `path` is the materialized chain of
-- ancestor codes, '/620000/620800/620826/', so "is A inside B" is one indexed
-- prefix comparison in SQL.
create table region (
    code               varchar(12)  primary key,
    name               varchar(100) not null,
    level              varchar(16)  not null
        check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code        varchar(12)  references region (code),
    path               varchar(80)  not null unique,
    poverty_alleviated boolean      not null default false, -- 脱贫县/村
    key_assistance     boolean      not null default false, -- 乡村振兴重点帮扶
    created_at         timestamptz  not null default now()
);
create index region_parent_idx on region (parent_code);
create index region_path_prefix_idx on region (path text_pattern_ops);

create sequence cooperative_seq start with 1 increment by 50;
create table cooperative (
    id            bigint       primary key,
    name          varchar(200) not null,
    credit_code   varchar(18)  not null unique check (length(credit_code) = 18), -- 统一社会信用代码 (GB 32100)
    kind          varchar(24)  not null
        check (kind in ('COOPERATIVE', 'LEADING_ENTERPRISE', 'FAMILY_FARM', 'PLATFORM_COMPANY')),
    region_code   varchar(12)  not null references region (code),
    contact_phone varchar(32),
    status        varchar(16)  not null
        check (status in ('PENDING', 'APPROVED', 'SUSPENDED')),
    status_note   varchar(500),
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
create index cooperative_region_idx on cooperative (region_code);
create index cooperative_status_idx on cooperative (status);

create sequence product_seq start with 1 increment by 50;
create table product (
    id                 bigint       primary key,
    cooperative_id     bigint       not null references cooperative (id),
    name               varchar(200) not null,
    category           varchar(16)  not null
        check (category in ('FRUIT', 'LIVESTOCK', 'VEGETABLE', 'GRAIN', 'MUSHROOM', 'HERB', 'HONEY', 'OTHER')),
    unit               varchar(32)  not null,
    price_fen          bigint       not null check (price_fen >= 1),
    stock              integer      not null check (stock >= 0),
    household_share_bp integer      not null default 0 check (household_share_bp between 0 and 10000),
    brand              varchar(200),
    certifications     varchar(32)[] not null default '{}',
    status             varchar(16)  not null check (status in ('ACTIVE', 'DELISTED')),
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);
create index product_cooperative_idx on product (cooperative_id);
create index product_listing_idx on product (status, category);
create index product_certifications_idx on product using gin (certifications);
