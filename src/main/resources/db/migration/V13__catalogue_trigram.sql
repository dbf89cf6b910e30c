-- Catalogue text search (issue 13 §3): `q` matches name or brand as a substring (LIKE '%q%',
-- lower-cased). Without an index every search scanned the catalogue. pg_trgm's GIN indexes find
-- the rows holding every trigram of the text, so a search of three characters or more reads only
-- its candidates (静宁苹果 → 静宁苹, 宁苹果); a text of one or two characters has no trigram and
-- is still a scan. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the
-- database owner may create it.
create extension if not exists pg_trgm;
create index product_name_trgm_idx on product using gin (lower(name) gin_trgm_ops);
create index product_brand_trgm_idx on product using gin (lower(coalesce(brand, '')) gin_trgm_ops);
