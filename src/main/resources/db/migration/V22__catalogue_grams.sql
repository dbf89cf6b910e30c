-- Catalogue searches of one or two characters (米, 茶; 苹果, 牛肉, 花椒: most Chinese product words),
-- issue 13 §3. pg_trgm (V13) has no trigram for a text that short, so such a search scanned the
-- catalogue. A GIN index on the set of substrings of one and two characters of the name and the
-- brand finds the rows holding the text. For a text of one or two characters that is exactly the
-- LIKE of the longer texts (a substring of the name or of the brand), so the search uses it in
-- place of LIKE. pg_bigm would do this, but it is not shipped with PostgreSQL.

-- Every substring of one or two characters of a text, once each ('苹果' → {苹, 果, 苹果}). Its cost
-- (about 10 µs a call) is declared, so that the planner answers a search from the index rather than
-- computing it for each product along the primary key (214 ms against 0.5 ms for a prepared search).
create function text_grams(p_text text) returns text[] language sql immutable parallel safe cost 1000 as $$
    select coalesce(array_agg(distinct g), '{}')
    from generate_series(1, length(p_text)) i, lateral (values (substr(p_text, i, 1)), (substr(p_text, i, 2))) s (g)
$$;

-- A product's name and brand as one text, lower-cased as `q` is; the separator (U+0001, never in a
-- search text: TextRules refuses control characters) keeps a pair from spanning the two.
create function product_search_text(p_name text, p_brand text) returns text language sql immutable parallel safe as $$
    select lower(p_name) || chr(1) || lower(coalesce(p_brand, ''))
$$;

create index product_grams_idx on product using gin (text_grams(product_search_text(name, brand)));

-- Whether a product's name or brand holds the text of one or two characters: inlined by the planner
-- into the indexed expression above (a one-expression SQL function), so it is answered from the index.
create function product_has_gram(p_name text, p_brand text, p_gram text) returns boolean
    language sql immutable parallel safe as $$
    select text_grams(product_search_text(p_name, p_brand)) @> array[p_gram]
$$;
