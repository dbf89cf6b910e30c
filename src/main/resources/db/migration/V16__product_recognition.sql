-- 帮扶产品认定: a product's recognition by the county bureau (certificate, validity, revocation),
-- and whether each order line's product was recognised on the day it was placed (api.md
-- "Recognition, reserves and assessment").
alter table product
    add column recognition_certificate_no varchar(64),
    add column recognition_valid_from date,
    add column recognition_valid_to date,
    add column recognition_revoked_on date,
    add column recognition_revoke_reason varchar(500),
    add constraint product_recognition_complete check (
        (recognition_certificate_no is null and recognition_valid_from is null and recognition_valid_to is null
            and recognition_revoked_on is null)
        or (recognition_certificate_no is not null and recognition_valid_from <= recognition_valid_to));

alter table order_line add column recognized boolean not null default false;

-- The rule, said once (order placing and the catalogue call it; SqlRulesTest checks its edges):
-- recognised on day d when a recognition covers d and was not revoked on or before d.
create function recognized_on(valid_from date, valid_to date, revoked_on date, d date) returns boolean
    language sql immutable parallel safe
as $$ select coalesce(valid_from <= d and d <= valid_to and (revoked_on is null or revoked_on > d), false) $$;

-- Every sale movement says whether its line's product was recognised at placing.
create or replace view sale_movement as
select l.id as order_line_id, o.id as order_id, o.agreement_id, o.buyer_id, l.cooperative_id,
       o.delivered_on as business_date, l.amount_fen as signed_fen, l.recognized
from order_line l
join consumption_order o on o.id = l.order_id
where o.status = 'DELIVERED'
union all
select l.id, o.id, o.agreement_id, o.buyer_id, l.cooperative_id, l.returned_on, -l.amount_fen, l.recognized
from order_line l
join consumption_order o on o.id = l.order_id
where o.status = 'DELIVERED' and l.returned;
