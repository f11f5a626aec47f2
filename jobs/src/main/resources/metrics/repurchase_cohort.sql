-- docs/metrics.md, "Repurchase" > repurchase_cohort: per cohort month, acquisition group (and '*') and
-- repurchase window, the customers with another counted order placed no later than
-- first order_ts + window_days x 24 h (exact hours, not calendar days across a DST change).
-- complete: the data end is on or after the last day of the cohort month + window_days.
-- another counted order by the window's end is the second one (by order_ts, then order_id: the
-- first order is the first of that order), whose time customer_first_orders has
WITH repurchases AS (
  SELECT f.customer_id, f.cohort_month, f.acquisition_group, w.window_days,
         coalesce(f.second_order_ts <= timestamp_micros(unix_micros(f.first_order_ts)
                                                       + CAST(w.window_days AS BIGINT) * 86400000000), false)
           AS repurchased
  FROM customer_first_orders f
  CROSS JOIN repurchase_windows w
),
cells AS (
  SELECT cohort_month,
         CASE WHEN grouping(acquisition_group) = 1 THEN '*' ELSE acquisition_group END AS acquisition_group,
         window_days,
         count(*) AS customers,
         count_if(repurchased) AS repurchased
  FROM repurchases
  GROUP BY GROUPING SETS ((cohort_month, acquisition_group, window_days), (cohort_month, window_days))
)
SELECT cohort_month, acquisition_group, window_days, customers, repurchased,
       ratio(repurchased, customers) AS rate,
       CAST(:data_end AS DATE) >= date_add(last_day(to_date(concat(cohort_month, '-01'))), window_days) AS complete
FROM cells
