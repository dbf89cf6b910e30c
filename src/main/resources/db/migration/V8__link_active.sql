-- Active (联农带农 link in force), said once for SQL: a link counts between first_day and last_day
-- when valid_from <= last_day and it has no valid_to or valid_to >= first_day; one day is
-- first_day = last_day. LinkRules.overlaps says the same in Java. Inlinable, like below_monitoring_line.
create function link_active(valid_from date, valid_to date, first_day date, last_day date)
    returns boolean language sql immutable parallel safe
    return valid_from <= last_day and (valid_to is null or valid_to >= first_day);
