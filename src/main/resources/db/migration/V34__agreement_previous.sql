-- An agreement's year before (东西部协作 pairs renew theirs each year): the agreements of year − 1
-- between the same buyer and seller regions, their targets and what they realized (V21) summed;
-- one row of zeros when the pair had none. An agreement's progress and the agreement report both
-- read it.
create function agreement_previous(p_agreement bigint)
    returns table (agreements bigint, target_fen bigint, realized_fen bigint, recognized_fen bigint, orders bigint)
    language sql stable as $$
    select count(p.id), coalesce(sum(p.target_fen), 0)::bigint, coalesce(sum(f.realized_fen), 0)::bigint,
           coalesce(sum(f.recognized_fen), 0)::bigint, coalesce(sum(f.orders), 0)::bigint
    from agreement a
    join agreement p on p.buyer_region_code = a.buyer_region_code
                    and p.seller_region_code = a.seller_region_code and p.year = a.year - 1
    cross join lateral agreement_realized(p.id) f
    where a.id = p_agreement
$$;
