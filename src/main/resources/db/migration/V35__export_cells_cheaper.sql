-- Two of V15's cell rules, the same results for less of PostgreSQL's CPU (issue 13: the CSV
-- export's gap to a plain COPY is the formatting of its cells). Measured on the contribution
-- ledger's 1,000,000 rows (src/bench/exports.sh's database, one backend, README: Benchmarks):
--   export_text  left($1, 1) in (six one-character texts) cost about 130 ms a column; ascii($1), the
--                first character's code point (0 for an empty text, NULL for NULL), compared as
--                integers, about 25 ms. The ledger has seven text columns.
--   export_yuan  a multiplication by 0.01 (scale 0 + 2: exactly two decimals, "-0.05") costs about
--                half the division and the cast to numeric(20, 2).
-- CsvCopyTest checks both on random cases against their Java twins, as for V15. Plain SQL bodies,
-- as before, so that the planner still inlines them into the export's query.

create or replace function export_yuan(fen bigint) returns numeric
    language sql immutable parallel safe
    as $$ select $1::numeric * 0.01 $$;

-- = + - @ TAB CR: 61 43 45 64 9 13
create or replace function export_text(t text) returns text
    language sql immutable parallel safe
    as $$ select case when ascii($1) in (61, 43, 45, 64, 9, 13) then '''' || $1 else $1 end $$;
