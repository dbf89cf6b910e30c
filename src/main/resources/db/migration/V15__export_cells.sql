-- How the exports write a cell, in SQL, so that PostgreSQL's COPY ... TO STDOUT (CSV) produces the
-- file and the service relays its bytes (issue 13: exports close to COPY's own speed). CsvCopyTest
-- checks each on random cases against what it must give:
--   export_yuan       fen as yuan with two decimals, exactly ("-0.05")
--   export_text       a leading ' before = + - @ TAB CR (spreadsheet formula injection, Column.Kind.TEXT)
--   masked_id_number  a resident ID shows its first 6 and last 4 characters (IdNumbers.mask in Java)
--   export_instant    an ISO instant in UTC with microseconds (what PostgreSQL keeps)
-- Plain SQL bodies, not STRICT, so that the planner inlines them into the export's query: as
-- functions called per row, they took three times as long as the COPY itself. (An argument used
-- twice in a body is inlined only if it is cheap: export_text is given columns, never other
-- calls.) NULL gives NULL, which COPY writes as an empty field.

create function export_yuan(fen bigint) returns numeric
    language sql immutable parallel safe
    as $$ select ($1::numeric / 100)::numeric(20, 2) $$;

create function export_text(t text) returns text
    language sql immutable parallel safe
    as $$ select case when left($1, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || $1 else $1 end $$;

create function masked_id_number(id text) returns text
    language sql immutable parallel safe
    as $$ select case when length($1) = 18 then overlay($1 placing '********' from 7 for 8) -- every valid one
                      when length($1) <= 10 then repeat('*', length($1))
                      else left($1, 6) || repeat('*', length($1) - 10) || right($1, 4) end $$;

create function export_instant(t timestamptz) returns text
    language sql stable parallel safe
    as $$ select to_char($1 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;
