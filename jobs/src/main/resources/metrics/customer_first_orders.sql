-- docs/metrics.md, "Foundations": a customer's first order is their counted order with the smallest
-- (order_ts, order_id); its effective channel and group are the acquisition channel and group, its
-- month the cohort. One row per customer with a counted order. The customer's second counted order
-- in the same order (null when there is none) answers "another order by then?" for repurchase and
-- repeat rate without joining customers with all their orders.
WITH ranked AS (
  SELECT o.*, row_number() OVER by_time AS rank,
         lead(order_ts) OVER by_time AS second_order_ts, lead(local_date) OVER by_time AS second_local_date
  FROM counted_orders o
  WINDOW by_time AS (PARTITION BY customer_id ORDER BY order_ts, order_id)
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
       self_referral AS first_self_referral,
       second_order_ts,
       second_local_date
FROM ranked
WHERE rank = 1
