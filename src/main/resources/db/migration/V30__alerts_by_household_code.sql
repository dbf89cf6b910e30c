-- The early-warning list is "paged, by household code" (api.md); V23 listed it by village, then code.
-- A region's page is read along this index in code order, its households picked by their path, when
-- the region holds most of its year's alerts (a county of a county-sized database, a province); a
-- small region (a village) is read along V23's path index and its few alerts sorted.
create index household_year_alerted_code_idx on household_year (year, household_code collate "C") where alerted;
