-- At risk (防返贫监测), said once for SQL: per capita income below the monitoring line,
-- compared exactly as annual < line × members (the same as floor(annual / members) < line,
-- IncomeRules.atRisk in Java). Null when no line is set. An inlinable SQL function: the
-- planner expands it in place. Numeric arguments take bigint sums and bigint columns alike.
create function below_monitoring_line(annual_fen numeric, members integer, line_fen numeric)
    returns boolean language sql immutable parallel safe
    return annual_fen < line_fen * members;
