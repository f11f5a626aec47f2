-- docs/metrics.md, "Repurchase" > repeat_rate: per period and acquisition group, the customers with a
-- counted order in the period, and those of them whose counted orders placed up to the end of the
-- period (and on or before the data end) number 2 or more. Keyed rows where the group has
-- customers in the period; '*' rows for every period, pooled.
WITH periods AS (
  SELECT DISTINCT period_type, period, period_end FROM calendar
),
active AS (
  SELECT DISTINCT c.period_type, c.period, c.period_end, o.customer_id
  FROM counted_orders o
  JOIN calendar c ON c.local_date = o.local_date
),
-- "2 or more counted orders up to the period's end" is "the second counted order is on or before it"
-- (customer_first_orders has its date): no join of every active period with every order
customer_counts AS (
  SELECT a.period_type, a.period, a.customer_id, f.acquisition_group,
         coalesce(f.second_local_date <= a.period_end, false) AS is_repeat
  FROM active a
  JOIN customer_first_orders f ON f.customer_id = a.customer_id
),
keyed AS (
  SELECT period_type, period, acquisition_group,
         count(*) AS customers, count_if(is_repeat) AS repeat_customers
  FROM customer_counts
  GROUP BY period_type, period, acquisition_group
),
-- a customer has one acquisition group, so the pooled row is the sum of the keyed rows (not a second
-- pass over every active customer)
pooled AS (
  SELECT p.period_type, p.period, '*' AS acquisition_group,
         coalesce(sum(k.customers), 0) AS customers, coalesce(sum(k.repeat_customers), 0) AS repeat_customers
  FROM periods p
  LEFT JOIN keyed k ON k.period_type = p.period_type AND k.period = p.period
  GROUP BY p.period_type, p.period
),
all_rows AS (
  SELECT * FROM keyed
  UNION ALL
  SELECT * FROM pooled
)
SELECT period_type, period, acquisition_group, customers, repeat_customers,
       ratio(repeat_customers, customers) AS rate
FROM all_rows
