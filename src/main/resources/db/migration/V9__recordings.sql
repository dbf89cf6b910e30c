-- v1.1 (income-rules.md §3–4): every ledger row belongs to a recording — one business
-- action with an id, who made it and when — so that recordings can be retried safely
-- (Idempotency-Key, per cooperative) and corrected by a reversal recording.

create sequence recording_seq start with 1 increment by 1;
create table recording (
    id              bigint       primary key,
    cooperative_id  bigint       not null references cooperative (id),
    kind            varchar(16)  not null
        check (kind in ('PROCUREMENT', 'WAGE_RECORD', 'DIVIDEND', 'RENT_ACCRUAL',
                        'ORDER_DELIVERY', 'ORDER_RETURN', 'REVERSAL')),
    -- the procurement, wage record, dividend declaration, rent accrual or order line it records
    source_id       bigint,
    idempotency_key varchar(200),
    request_hash    varchar(64)  check (length(request_hash) = 64), -- SHA-256 of the request: replay or reuse
    recorded_by     varchar(255) not null,                            -- the token's sub
    recorded_at     timestamptz  not null,
    reversal_of     bigint       unique references recording (id),   -- a recording is reversed at most once
    reason          varchar(500),
    unique (cooperative_id, idempotency_key),
    check ((kind = 'REVERSAL') = (reversal_of is not null)),
    check ((kind = 'REVERSAL') = (reason is not null)),
    -- a key is remembered with its request (the commands always carry one; rows from before v1.1 have none)
    check ((idempotency_key is null) = (request_hash is null))
);

alter table contribution add column recording_id bigint references recording (id);
alter table contribution add column recorded_by varchar(255);
alter table contribution add column reason varchar(500);

-- Rows written before v1.1: one recording per business action that wrote them.
alter table contribution disable trigger contribution_append_only;
create temporary table recording_backfill on commit drop as
select c.source_type, c.source_id, c.cooperative_id, c.reversal_of is not null as reverses,
       min(c.created_at) as recorded_at, nextval('recording_seq') as id
from contribution c
group by c.source_type, c.source_id, c.cooperative_id, c.reversal_of is not null;
insert into recording (id, cooperative_id, kind, source_id, recorded_by, recorded_at)
select b.id, b.cooperative_id,
       case when b.source_type <> 'ORDER_LINE' then b.source_type
            when b.reverses then 'ORDER_RETURN' else 'ORDER_DELIVERY' end,
       b.source_id, 'before-v1.1', b.recorded_at
from recording_backfill b;
update contribution c set recording_id = b.id, recorded_by = 'before-v1.1'
from recording_backfill b
where b.source_type = c.source_type and b.source_id = c.source_id and b.cooperative_id = c.cooperative_id
  and b.reverses = (c.reversal_of is not null);
alter table contribution enable trigger contribution_append_only;

alter table contribution alter column recording_id set not null;
alter table contribution alter column recorded_by set not null;
create index contribution_recording_idx on contribution (recording_id);

-- A reversed land-rent accrual no longer blocks its range (§4): its periods are released.
alter table rent_accrual_period add column released_by bigint references recording (id);
create index rent_accrual_period_open_idx on rent_accrual_period (link_id, from_date) where released_by is null;

-- SALES_SHARE (§3, v1.1): the product's household share when the order was placed.
alter table order_line add column household_share_bp integer check (household_share_bp between 0 and 10000);
update order_line l set household_share_bp = p.household_share_bp from product p where p.id = l.product_id;
alter table order_line alter column household_share_bp set not null;
