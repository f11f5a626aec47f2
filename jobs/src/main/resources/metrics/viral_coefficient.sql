-- docs/metrics.md, "Social spread" > viral_coefficient: per customer cohort, the new customers whose
-- first order is credited at level 1 to a sharer of the cohort and placed from the sharer's own
-- first order up to 90 x 24 h after it, divided by the cohort size. A first order credited to the
-- buyer's own share (self-referral) does not count; a sharer who never bought is in no cohort.
WITH cohorts AS (
  SELECT cohort_month, count(*) AS cohort_size
  FROM customer_first_orders
  GROUP BY cohort_month
),
referrals AS (
  SELECT sharer.cohort_month, count(DISTINCT referred.customer_id) AS referred_new_customers
  FROM customer_first_orders referred
  JOIN customer_first_orders sharer ON sharer.customer_id = referred.first_sharer_id
  WHERE referred.first_sharer_id <> referred.customer_id
    AND referred.first_order_ts >= sharer.first_order_ts
    AND referred.first_order_ts <= timestamp_micros(unix_micros(sharer.first_order_ts) + 90 * 86400000000)
  GROUP BY sharer.cohort_month
)
SELECT c.cohort_month, c.cohort_size,
       coalesce(r.referred_new_customers, 0) AS referred_new_customers,
       ratio(coalesce(r.referred_new_customers, 0), c.cohort_size) AS k_factor
FROM cohorts c
LEFT JOIN referrals r ON r.cohort_month = c.cohort_month
