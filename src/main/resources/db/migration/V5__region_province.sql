-- The province a region lies in, said once: the first code of its path ('/620000/620800/…').
-- Monitoring lines are set per province, so every per-household figure joins on it.
alter table region add column province_code varchar(6) generated always as (substring(path from 2 for 6)) stored;
