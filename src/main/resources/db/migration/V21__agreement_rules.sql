-- The two rules every agreement feature (协议) shares, said once: which agreements a region's
-- bureau sees, and what an agreement has realized. The agreement list, an agreement's progress
-- and the agreement report all call these.

-- An agreement is a region's when its seller or its buyer region lies in the region's subtree
-- (p_pattern: the region's path followed by '%').
create function agreement_party_in(p_seller_region varchar, p_buyer_region varchar, p_pattern text)
    returns boolean language sql stable as $$
    select exists (select 1 from region r where r.code in (p_seller_region, p_buyer_region) and r.path like p_pattern)
$$;

-- What an agreement's orders realized (delivered minus returned, sale_movement), the part of it
-- from products recognised at placing, and how many orders count.
create function agreement_realized(p_agreement bigint)
    returns table (realized_fen bigint, recognized_fen bigint, orders bigint) language sql stable as $$
    select coalesce(sum(m.signed_fen), 0)::bigint,
           coalesce(sum(m.signed_fen) filter (where m.recognized), 0)::bigint,
           count(distinct m.order_id)
    from sale_movement m where m.agreement_id = p_agreement
$$;
