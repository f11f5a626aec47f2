-- docs/metrics.md, "Reviews and trust" > review_summary: per period, effective channel group and
-- category (each with a '*' row: the cube of the two keys). Orders are counted orders placed in the
-- period, in every category of their lines (an order without lines, or a line without category:
-- '(none)') and once in '*'; reviewed_orders have a review dated on or before the data end. Review
-- counts take the reviews dated in the period, placed by the order's group and the category of the
-- reviewed sku's first line (by line_no; '(none)' when the sku is not among the lines).
WITH periods AS (
  SELECT DISTINCT period_type, period FROM calendar
),
visible_reviews AS (
  SELECT r.* FROM reviews r WHERE to_date(r.review_ts) <= :data_end
),
reviewed_order_ids AS (
  SELECT DISTINCT order_id FROM visible_reviews
),
order_categories AS (
  SELECT DISTINCT o.order_id, o.local_date, o.effective_group, coalesce(l.category, '(none)') AS category,
         ro.order_id IS NOT NULL AS reviewed
  FROM counted_orders o
  LEFT JOIN order_lines l ON l.order_id = o.order_id
  LEFT JOIN reviewed_order_ids ro ON ro.order_id = o.order_id
),
-- an order has one row per category, so a category's cells count rows; the '*' category counts each
-- order once, from the orders themselves (no distinct count over the cube: it multiplies every row
-- by the grouping sets and the periods). Counted per day first: the calendar (a day is in a day, a
-- week and a month) and the grouping sets then multiply a few rows per day, not every order.
orders_reviewed AS (
  SELECT DISTINCT order_id, local_date, effective_group, reviewed FROM order_categories
),
order_days AS (
  SELECT local_date, effective_group, category, count(*) AS orders, count_if(reviewed) AS reviewed_orders
  FROM order_categories
  GROUP BY local_date, effective_group, category
),
order_days_all_categories AS (
  SELECT local_date, effective_group, count(*) AS orders, count_if(reviewed) AS reviewed_orders
  FROM orders_reviewed
  GROUP BY local_date, effective_group
),
order_cells AS (
  SELECT c.period_type, c.period,
         CASE WHEN grouping(d.effective_group) = 1 THEN '*' ELSE d.effective_group END AS channel_group,
         d.category,
         sum(d.orders) AS orders, sum(d.reviewed_orders) AS reviewed_orders
  FROM order_days d
  JOIN calendar c ON c.local_date = d.local_date
  GROUP BY GROUPING SETS ((c.period_type, c.period, d.effective_group, d.category),
                          (c.period_type, c.period, d.category))
  UNION ALL
  SELECT c.period_type, c.period,
         CASE WHEN grouping(d.effective_group) = 1 THEN '*' ELSE d.effective_group END AS channel_group,
         '*' AS category,
         sum(d.orders) AS orders, sum(d.reviewed_orders) AS reviewed_orders
  FROM order_days_all_categories d
  JOIN calendar c ON c.local_date = d.local_date
  GROUP BY GROUPING SETS ((c.period_type, c.period, d.effective_group), (c.period_type, c.period))
),
placed_reviews AS (
  SELECT r.review_id, r.rating, to_date(r.review_ts) AS review_date, o.effective_group,
         coalesce(min_by(l.category, l.line_no), '(none)') AS category
  FROM visible_reviews r
  JOIN counted_orders o ON o.order_id = r.order_id
  LEFT JOIN order_lines l ON l.order_id = r.order_id AND l.sku = r.sku
  GROUP BY r.review_id, r.rating, r.review_ts, o.effective_group
),
review_days AS (
  SELECT review_date, effective_group, category,
         count(*) AS reviews, sum(rating) AS rating_sum,
         count_if(rating = 1) AS rating_1, count_if(rating = 2) AS rating_2,
         count_if(rating = 3) AS rating_3, count_if(rating = 4) AS rating_4,
         count_if(rating = 5) AS rating_5
  FROM placed_reviews
  GROUP BY review_date, effective_group, category
),
review_cells AS (
  SELECT c.period_type, c.period,
         CASE WHEN grouping(d.effective_group) = 1 THEN '*' ELSE d.effective_group END AS channel_group,
         CASE WHEN grouping(d.category) = 1 THEN '*' ELSE d.category END AS category,
         sum(d.reviews) AS reviews, sum(d.rating_sum) AS rating_sum,
         sum(d.rating_1) AS rating_1, sum(d.rating_2) AS rating_2, sum(d.rating_3) AS rating_3,
         sum(d.rating_4) AS rating_4, sum(d.rating_5) AS rating_5
  FROM review_days d
  JOIN calendar c ON c.local_date = d.review_date
  GROUP BY c.period_type, c.period, CUBE (d.effective_group, d.category)
),
cell_keys AS (
  SELECT period_type, period, channel_group, category FROM order_cells
  UNION
  SELECT period_type, period, channel_group, category FROM review_cells
  UNION
  SELECT period_type, period, '*', '*' FROM periods
),
cells AS (
  SELECT k.period_type, k.period, k.channel_group, k.category,
         coalesce(oc.orders, 0) AS orders, coalesce(oc.reviewed_orders, 0) AS reviewed_orders,
         coalesce(rc.reviews, 0) AS reviews, rc.rating_sum,
         coalesce(rc.rating_1, 0) AS rating_1, coalesce(rc.rating_2, 0) AS rating_2,
         coalesce(rc.rating_3, 0) AS rating_3, coalesce(rc.rating_4, 0) AS rating_4,
         coalesce(rc.rating_5, 0) AS rating_5
  FROM cell_keys k
  LEFT JOIN order_cells oc ON oc.period_type = k.period_type AND oc.period = k.period
        AND oc.channel_group = k.channel_group AND oc.category = k.category
  LEFT JOIN review_cells rc ON rc.period_type = k.period_type AND rc.period = k.period
        AND rc.channel_group = k.channel_group AND rc.category = k.category
)
SELECT period_type, period, channel_group, category, orders, reviewed_orders,
       ratio(reviewed_orders, orders) AS review_rate,
       reviews,
       ratio(rating_sum, reviews) AS avg_rating,
       rating_1, rating_2, rating_3, rating_4, rating_5,
       ratio(rating_1 + rating_2, reviews) AS low_share
FROM cells
