-- docs/metrics.md, "Social spread" > social_spread: per period, the sharing activity (shares, reshares,
-- active sharers, longest parent chain among the period's shares counting ancestors of any period),
-- the share clicks, and the counted orders credited to a share (by the order's local date).
WITH periods AS (
  SELECT DISTINCT period_type, period FROM calendar
),
sharing AS (
  SELECT c.period_type, c.period,
         count(DISTINCT s.sharer_id) AS active_sharers,
         count(*) AS shares,
         count(s.parent_share_id) AS reshares,
         max(size(d.chain_share_ids)) AS max_depth
  FROM shares s
  JOIN calendar c ON c.local_date = to_date(s.share_ts)
  JOIN share_chains d ON d.share_id = s.share_id
  GROUP BY c.period_type, c.period
),
clicks AS (
  SELECT c.period_type, c.period, count(*) AS share_clicks
  FROM share_clicks k
  JOIN calendar c ON c.local_date = to_date(k.click_ts)
  GROUP BY c.period_type, c.period
),
credited_orders AS (
  SELECT c.period_type, c.period,
         count(*) AS attributed_orders,
         count(DISTINCT o.sharer_id) AS level1_sharers,
         count_if(o.method = 'click') AS click_orders
  FROM counted_orders o
  JOIN calendar c ON c.local_date = o.local_date
  WHERE o.share_id IS NOT NULL
  GROUP BY c.period_type, c.period
),
new_via_share AS (
  SELECT c.period_type, c.period, count(*) AS new_customers_via_share
  FROM customer_first_orders f
  JOIN calendar c ON c.local_date = f.first_local_date
  WHERE f.first_share_id IS NOT NULL
  GROUP BY c.period_type, c.period
)
SELECT p.period_type, p.period,
       coalesce(s.active_sharers, 0) AS active_sharers,
       coalesce(s.shares, 0) AS shares,
       coalesce(s.reshares, 0) AS reshares,
       coalesce(k.share_clicks, 0) AS share_clicks,
       coalesce(o.attributed_orders, 0) AS attributed_orders,
       ratio(coalesce(o.attributed_orders, 0), coalesce(o.level1_sharers, 0)) AS orders_per_sharer,
       ratio(coalesce(o.click_orders, 0), coalesce(k.share_clicks, 0)) AS click_conversion,
       s.max_depth,
       coalesce(n.new_customers_via_share, 0) AS new_customers_via_share
FROM periods p
LEFT JOIN sharing s ON s.period_type = p.period_type AND s.period = p.period
LEFT JOIN clicks k ON k.period_type = p.period_type AND k.period = p.period
LEFT JOIN credited_orders o ON o.period_type = p.period_type AND o.period = p.period
LEFT JOIN new_via_share n ON n.period_type = p.period_type AND n.period = p.period
