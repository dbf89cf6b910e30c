-- returned_bp (V18) as api.md writes it: halfUp(householdIncomeFen × 10000 / salesFen), null only
-- when salesFen is 0. A year with more returned than delivered (negative sales) now gives the
-- quotient with its sign instead of null, as AssessmentRules.returnedBp does (SqlRulesTest checks
-- the two against each other, negative sales included). Half away from zero, as before.

create or replace function returned_bp(household_income_fen bigint, sales_fen bigint) returns bigint
    language sql immutable parallel safe
    return case when sales_fen <> 0
                then sign(household_income_fen)::bigint * sign(sales_fen)::bigint
                     * ((2 * abs(household_income_fen) * 10000 + abs(sales_fen)) / (2 * abs(sales_fen))) end;
