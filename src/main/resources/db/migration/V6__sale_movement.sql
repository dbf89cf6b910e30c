-- Signed sale amounts, said once: a delivered line counts +amount on its delivery's business
-- date and, once returned, -amount on the return's. Agreement progress, budget-unit reserves
-- and region reports all read this view ("delivered minus returned").
create view sale_movement as
select l.id as order_line_id, o.id as order_id, o.agreement_id, o.buyer_id, l.cooperative_id,
       o.delivered_on as business_date, l.amount_fen as signed_fen
from order_line l
join consumption_order o on o.id = l.order_id
where o.status = 'DELIVERED'
union all
select l.id, o.id, o.agreement_id, o.buyer_id, l.cooperative_id, l.returned_on, -l.amount_fen
from order_line l
join consumption_order o on o.id = l.order_id
where o.status = 'DELIVERED' and l.returned;
