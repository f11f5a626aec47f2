-- METRICS.md "Repurchase" > repeat_rate: customers with a counted order in the period, and those of
-- them with 2 or more counted orders placed up to the end of the period. Keyed rows where the group
-- has customers; '*' rows for every period.
WITH active AS (
  SELECT DISTINCT c.period_type, c.period, c.period_end, o.customer_id
  FROM counted_orders o JOIN calendar c ON c.local_date = o.local_date
),
customer_counts AS (
  SELECT a.period_type, a.period, f.acquisition_group,
         (SELECT count(*) FROM counted_orders o WHERE o.customer_id = a.customer_id AND o.local_date <= a.period_end)
           AS orders_so_far
  FROM active a JOIN first_orders f ON f.customer_id = a.customer_id
),
periods AS (SELECT DISTINCT period_type, period FROM calendar),
all_rows AS (
  SELECT period_type, period, acquisition_group, count(*) AS customers, count_if(orders_so_far >= 2) AS repeat_customers
  FROM customer_counts GROUP BY ALL
  UNION ALL
  -- a period without activity: zero counts (count_if over no matching row is null in DuckDB)
  SELECT p.period_type, p.period, '*', count(cc.period), coalesce(count_if(cc.orders_so_far >= 2), 0)
  FROM periods p LEFT JOIN customer_counts cc ON cc.period_type = p.period_type AND cc.period = p.period
  GROUP BY p.period_type, p.period
)
SELECT period_type, period, acquisition_group, CAST(customers AS VARCHAR) AS customers,
       CAST(repeat_customers AS VARCHAR) AS repeat_customers, ratio_text(repeat_customers, customers) AS rate
FROM all_rows
ORDER BY period_type, period, acquisition_group
