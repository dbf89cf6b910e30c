-- How the exports write a cell, in SQL, so that PostgreSQL's COPY ... TO STDOUT (CSV) produces the
-- file and the service relays its bytes (issue 13: exports close to COPY's own speed). Each is the
-- twin of a Java rule, checked against it on random cases by SqlRulesTest:
--   export_yuan       Yuan.format                  fen as yuan with two decimals, exactly
--   export_text       SpreadsheetText.neutralized  a leading ' before = + - @ TAB CR (formula injection)
--   masked_id_number  IdNumbers.mask               a resident ID shows its first 6 and last 4 characters
--   export_instant    Instant.toString             UTC, fraction digits as needed in groups of three
-- Plain SQL bodies, not STRICT, so that the planner inlines them into the export's query: as
-- functions called per row, they took three times as long as the COPY itself. NULL gives NULL,
-- which COPY writes as an empty field.

create function export_yuan(fen bigint) returns numeric
    language sql immutable parallel safe
    as $$ select ($1::numeric / 100)::numeric(20, 2) $$;

create function export_text(t text) returns text
    language sql immutable parallel safe
    as $$ select case when left($1, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || $1 else $1 end $$;

create function masked_id_number(id text) returns text
    language sql immutable parallel safe
    as $$ select case when length($1) <= 10 then repeat('*', length($1))
                      else left($1, 6) || repeat('*', length($1) - 10) || right($1, 4) end $$;

create function export_instant(t timestamptz) returns text
    language sql stable parallel safe
    as $$ select regexp_replace(to_char($1 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                                '(\.000000|000)$', '') || 'Z' $$;
