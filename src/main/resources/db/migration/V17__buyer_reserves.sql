-- A trade union's or an enterprise's purchases can count toward a budget unit (its parent), and a
-- budget unit files its reserve (预留份额) each year, or declares that it has no canteen (api.md
-- "Recognition, reserves and assessment"). The reserve on the buyer stays its default.
alter table buyer add column parent_buyer_id bigint references buyer (id);
create index buyer_parent_idx on buyer (parent_buyer_id) where parent_buyer_id is not null;

create table buyer_reserve (
    buyer_id        bigint      not null references buyer (id),
    year            integer     not null check (year between 2000 and 2100),
    no_canteen      boolean     not null,
    food_budget_fen bigint      check (food_budget_fen between 0 and 1000000000000),
    reserve_bp      integer     check (reserve_bp between 1000 and 10000),
    filed_by        varchar(255) not null,
    filed_at        timestamptz not null,
    primary key (buyer_id, year),
    check (no_canteen = (food_budget_fen is null and reserve_bp is null)),
    check (no_canteen or (food_budget_fen is not null and reserve_bp is not null))
);
