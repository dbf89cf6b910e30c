-- The SQL rules that lists call through HQL, taking the request's value first (issue 13 §3).
-- Hibernate reads a parameter that is the last argument of a function as possibly multi-valued
-- (varargs) and then keeps no plan for the query: it translated the catalogue search from HQL's
-- tree to SQL again on every request, a fifth of the search's CPU in a profile. Each function here
-- is the rule of V16, V21 or V22 with its arguments in another order, nothing else; as one-expression
-- SQL functions they are inlined into the rule, and the rule into the query (so the catalogue's gram
-- is still answered from V22's index).

-- product_has_gram (V22): whether a product's name or brand holds a text of one or two characters
create function gram_of_product(p_gram text, p_name text, p_brand text) returns boolean
    language sql immutable parallel safe as $$
    select product_has_gram(p_name, p_brand, p_gram)
$$;

-- recognized_on (V16): whether a recognition covers a day
create function day_recognized(p_day date, p_valid_from date, p_valid_to date, p_revoked_on date) returns boolean
    language sql immutable parallel safe as $$
    select recognized_on(p_valid_from, p_valid_to, p_revoked_on, p_day)
$$;

-- agreement_party_in (V21): whether the seller's or the buyer's region lies in a subtree
create function subtree_holds_party(p_pattern text, p_seller_region varchar, p_buyer_region varchar)
    returns boolean language sql stable as $$
    select agreement_party_in(p_seller_region, p_buyer_region, p_pattern)
$$;
