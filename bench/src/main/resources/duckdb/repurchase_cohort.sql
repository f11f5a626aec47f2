-- METRICS.md "Repurchase" > repurchase_cohort: another counted order no later than first order_ts +
-- window_days x 24 h; complete when the data end is on or after the cohort month's last day + window.
WITH windows(window_days) AS (VALUES (30), (90), (180)),
customer_windows AS (
  SELECT f.customer_id, f.cohort_month, f.acquisition_group, w.window_days,
         EXISTS (SELECT 1 FROM counted_orders o
                 WHERE o.customer_id = f.customer_id AND o.order_id <> f.first_order_id
                   AND epoch_us(o.order_ts) <= epoch_us(f.first_order_ts) + CAST(w.window_days AS BIGINT) * 86400000000)
           AS repurchased
  FROM first_orders f CROSS JOIN windows w
),
cells AS (
  SELECT cohort_month, acquisition_group, window_days, count(*) AS customers, count_if(repurchased) AS repurchased
  FROM customer_windows GROUP BY ALL
  UNION ALL
  SELECT cohort_month, '*', window_days, count(*), count_if(repurchased)
  FROM customer_windows GROUP BY cohort_month, window_days
)
SELECT c.cohort_month, c.acquisition_group, CAST(c.window_days AS VARCHAR) AS window_days,
       CAST(c.customers AS VARCHAR) AS customers, CAST(c.repurchased AS VARCHAR) AS repurchased,
       ratio_text(c.repurchased, c.customers) AS rate,
       CAST(e.data_end >= last_day(CAST(c.cohort_month || '-01' AS DATE)) + c.window_days AS VARCHAR) AS complete
FROM cells c, data_end e
ORDER BY c.cohort_month, c.acquisition_group, c.window_days
