-- Issue 16 (api.md "Entity tools and buyer impact").

-- 村集体经济组织: village collectives are business entities too (asset income, 资产收益).
alter table cooperative drop constraint cooperative_kind_check;
alter table cooperative add constraint cooperative_kind_check
    check (kind in ('COOPERATIVE', 'LEADING_ENTERPRISE', 'FAMILY_FARM', 'PLATFORM_COMPANY', 'VILLAGE_COLLECTIVE'));

-- A product's own code in its cooperative's price list, by which a re-imported row updates it.
alter table product add column sku varchar(64);
create unique index product_cooperative_sku_idx on product (cooperative_id, sku) where sku is not null;

-- 扶贫项目资产: the asset a dividend comes from (光伏电站, 扶贫车间), on the declaration and on every
-- ledger row it writes (and so on their reversals), as the ledger shows it.
alter table dividend_declaration add column asset_ref varchar(64);
alter table dividend_declaration add column asset_name varchar(200);
alter table contribution add column asset_ref varchar(64);
alter table contribution add column asset_name varchar(200);
