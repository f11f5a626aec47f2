-- docs/metrics.md, "Foundations": a customer's first order is their counted order with the smallest
-- (order_ts, order_id); its effective channel and group are the acquisition channel and group, its
-- month the cohort. One row per customer with a counted order.
WITH ranked AS (
  SELECT o.*, row_number() OVER (PARTITION BY customer_id ORDER BY order_ts, order_id) AS rank
  FROM counted_orders o
)
SELECT customer_id,
       order_id AS first_order_id,
       order_ts AS first_order_ts,
       local_date AS first_local_date,
       date_format(local_date, 'yyyy-MM') AS cohort_month,
       effective_channel AS acquisition_channel,
       effective_group AS acquisition_group,
       method AS first_method,
       share_id AS first_share_id,
       sharer_id AS first_sharer_id,
       self_referral AS first_self_referral
FROM ranked
WHERE rank = 1
