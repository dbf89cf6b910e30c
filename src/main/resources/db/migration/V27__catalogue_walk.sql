-- A broad catalogue search (issue 13 §3: q=苹果 matching half of 100,000 products) read its page
-- along the primary key, as it should, but tested each product with the gram index's expression
-- (V22's text_grams, about 60 µs a call): 2.7 ms for a page of 20, against 0.2 ms with this test.
-- The service chooses (catalogue/CatalogueWalk): from the index when few products match, along the
-- catalogue's order with this function when so many match that a page is found within a few rows.
-- Whether the product's name or brand holds the text, lower-cased as `q` is: exactly V22's gram test
-- for a text of one or two characters and the LIKE of longer texts, since no search text holds the
-- separator (QueryLimits refuses control characters). The text first (V25), so that Hibernate keeps
-- the query's plan; one expression, so that the planner inlines it. No index can answer it, by design.
create function text_in_product(p_text text, p_name text, p_brand text) returns boolean
    language sql immutable parallel safe as $$
    select strpos(product_search_text(p_name, p_brand), p_text) > 0
$$;
