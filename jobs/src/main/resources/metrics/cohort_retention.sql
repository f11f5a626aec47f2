-- docs/metrics.md, "Repurchase" > cohort_retention: for month offsets 0..11, the share of the cohort
-- (by acquisition group and '*') with a counted order in month cohort_month + offset. Offsets whose
-- month lies after the data end's month have no row.
WITH offsets AS (
  SELECT explode(sequence(0, 11)) AS month_offset
),
cohort_members AS (
  SELECT customer_id, cohort_month, acquisition_group, to_date(concat(cohort_month, '-01')) AS cohort_start
  FROM customer_first_orders
),
cells AS (
  SELECT m.customer_id, m.cohort_month, m.acquisition_group, o.month_offset,
         add_months(m.cohort_start, o.month_offset) AS active_month
  FROM cohort_members m
  CROSS JOIN offsets o
  WHERE add_months(m.cohort_start, o.month_offset) <= trunc(CAST(:data_end AS DATE), 'MM')
),
monthly_buyers AS (
  SELECT DISTINCT customer_id, trunc(local_date, 'MM') AS active_month
  FROM counted_orders
),
flagged AS (
  SELECT c.*, b.customer_id IS NOT NULL AS active
  FROM cells c
  LEFT JOIN monthly_buyers b ON b.customer_id = c.customer_id AND b.active_month = c.active_month
)
SELECT cohort_month,
       CASE WHEN grouping(acquisition_group) = 1 THEN '*' ELSE acquisition_group END AS acquisition_group,
       month_offset,
       count(*) AS cohort_size,
       count_if(active) AS active_customers,
       ratio(count_if(active), count(*)) AS rate
FROM flagged
GROUP BY GROUPING SETS ((cohort_month, acquisition_group, month_offset), (cohort_month, month_offset))
