-- A household change may be recorded ahead of the day it takes effect (api.md: GET /households/{id}
-- shows today's members and category; income-rules.md §5 counts a year's members as of 31 December).
-- The household row keeps today's members and category for lists and filters; next_change_on is the
-- day of its earliest change still to come, on which HouseholdService follows it (every minute, see
-- ChangesTakingEffect). Before V32 no change could be dated after the day it was recorded, so every
-- row starts without one.
alter table household add column next_change_on date;
create index household_next_change_idx on household (next_change_on) where next_change_on is not null;
