-- Buyers in paired regions, paired-region purchase agreements (东西部协作 / 粤桂协作)
-- and consumption orders (消费帮扶订单).

create sequence buyer_seq start with 1 increment by 50;
create table buyer (
    id                     bigint       primary key,
    name                   varchar(200) not null,
    kind                   varchar(16)  not null
        check (kind in ('BUDGET_UNIT', 'TRADE_UNION', 'ENTERPRISE', 'RETAIL_COUNTER')),
    region_code            varchar(12)  not null references region (code),
    annual_food_budget_fen bigint       check (annual_food_budget_fen >= 0),
    reserve_bp             integer      check (reserve_bp between 1000 and 10000), -- 预留份额
    created_at             timestamptz  not null default now(),
    check ((kind = 'BUDGET_UNIT') = (annual_food_budget_fen is not null and reserve_bp is not null))
);
create index buyer_region_idx on buyer (region_code);

create sequence agreement_seq start with 1 increment by 50;
create table agreement (
    id                 bigint       primary key,
    title              varchar(200) not null,
    buyer_region_code  varchar(12)  not null references region (code),
    seller_region_code varchar(12)  not null references region (code),
    year               integer      not null check (year between 2000 and 2100),
    target_fen         bigint       not null check (target_fen >= 1),
    created_at         timestamptz  not null default now()
);

create sequence consumption_order_seq start with 1 increment by 50;
create table consumption_order (
    id              bigint       primary key,
    buyer_id        bigint       not null references buyer (id),
    agreement_id    bigint       references agreement (id),
    status          varchar(16)  not null
        check (status in ('PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null check (length(request_hash) = 64), -- SHA-256 of the placing request, to tell replays from reuse
    total_fen       bigint       not null,
    placed_at       timestamptz  not null,
    confirmed_at    timestamptz,
    shipped_at      timestamptz,
    delivered_at    timestamptz,
    delivered_on    date,        -- business date of delivery (Asia/Shanghai)
    cancelled_at    timestamptz,
    version         bigint       not null default 0,
    unique (buyer_id, idempotency_key)
);
create index consumption_order_agreement_idx on consumption_order (agreement_id) where agreement_id is not null;
create index consumption_order_status_idx on consumption_order (status);

create sequence order_line_seq start with 1 increment by 50;
create table order_line (
    id             bigint      primary key,
    order_id       bigint      not null references consumption_order (id),
    line_no        integer     not null,
    product_id     bigint      not null references product (id),
    cooperative_id bigint      not null references cooperative (id),
    product_name   varchar(200) not null,
    quantity       integer     not null check (quantity >= 1),
    unit_price_fen bigint      not null check (unit_price_fen >= 1), -- fixed at placing
    amount_fen     bigint      not null check (amount_fen >= 1),
    returned       boolean     not null default false,
    returned_at    timestamptz,
    returned_on    date,
    unique (order_id, line_no)
);
create index order_line_cooperative_idx on order_line (cooperative_id, order_id);
create index order_line_product_idx on order_line (product_id);
