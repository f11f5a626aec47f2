-- docs/metrics.md, "Reviews and trust" > trust_effect: customers by cohort, acquisition group (and '*')
-- and the rating of the earliest review (review_ts, then review_id) of their first order dated on
-- or before the data end: positive 4-5, neutral 3, negative 1-2, none; repurchase within 90 x 24 h
-- as in repurchase_cohort. first_review has no '*' row: the pooled figure is repurchase_cohort's.
WITH first_reviews AS (
  SELECT f.customer_id, min_by(r.rating, struct(r.review_ts, r.review_id)) AS rating
  FROM customer_first_orders f
  JOIN reviews r ON r.order_id = f.first_order_id AND to_date(r.review_ts) <= :data_end
  GROUP BY f.customer_id
),
customers AS (
  SELECT f.customer_id, f.cohort_month, f.acquisition_group, f.first_order_id,
         timestamp_micros(unix_micros(f.first_order_ts) + 90 * 86400000000) AS window_end,
         CASE WHEN r.rating IS NULL THEN 'none'
              WHEN r.rating >= 4 THEN 'positive'
              WHEN r.rating = 3 THEN 'neutral'
              ELSE 'negative' END AS first_review
  FROM customer_first_orders f
  LEFT JOIN first_reviews r ON r.customer_id = f.customer_id
),
repurchases AS (
  SELECT c.customer_id, c.cohort_month, c.acquisition_group, c.first_review,
         count(o.order_id) > 0 AS repurchased
  FROM customers c
  LEFT JOIN counted_orders o
    ON o.customer_id = c.customer_id AND o.order_id <> c.first_order_id AND o.order_ts <= c.window_end
  GROUP BY c.customer_id, c.cohort_month, c.acquisition_group, c.first_review
),
cells AS (
  SELECT cohort_month,
         CASE WHEN grouping(acquisition_group) = 1 THEN '*' ELSE acquisition_group END AS acquisition_group,
         first_review,
         count(*) AS customers,
         count_if(repurchased) AS repurchased_90d
  FROM repurchases
  GROUP BY GROUPING SETS ((cohort_month, acquisition_group, first_review), (cohort_month, first_review))
)
SELECT cohort_month, acquisition_group, first_review, customers, repurchased_90d,
       ratio(repurchased_90d, customers) AS rate
FROM cells
