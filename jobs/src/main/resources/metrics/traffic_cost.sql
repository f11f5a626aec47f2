-- docs/metrics.md, "Traffic cost" > traffic_cost: per period and effective channel, visits, share clicks
-- (row social_share), spend and commissions (all levels, the row of the order's effective channel,
-- converted at the order's local date) in the reporting currency, orders, revenue and new customers
-- (by acquisition channel). Channel-group rows ('*', group) where the group has activity and a
-- total row ('*', '*') for every period use the same formulas over pooled exact sums; each money
-- cell is rounded once.
WITH periods AS (
  SELECT DISTINCT period_type, period FROM calendar
),
traffic_in_reporting AS (
  SELECT t.date, t.channel, CAST(t.visits AS BIGINT) AS visits,
         CAST(t.spend AS DECIMAL(20,8))
           * CAST(CASE WHEN t.currency = :reporting_currency THEN 1
                       ELSE coalesce(fx.rate, raise_error(concat('no fx rate for ', t.currency, ' on or before ',
                                                                 CAST(t.date AS STRING))))
                  END AS DECIMAL(17,12)) AS spend
  FROM traffic t
  -- only days of the shown periods: older traffic needs no rate
  JOIN (SELECT DISTINCT local_date FROM calendar) shown ON shown.local_date = t.date
  LEFT JOIN fx_daily fx ON fx.currency = t.currency AND fx.date = t.date
),
-- each source summed per day and channel first: the calendar then multiplies days x channels, not
-- every click and order by its three periods (sums of exact decimals, so the same totals)
daily AS (
  SELECT t.date AS local_date, t.channel, sum(t.visits) AS visits, 0L AS share_clicks, sum(t.spend) AS spend,
         CAST(0 AS DECIMAL(38,20)) AS commissions, 0L AS orders, CAST(0 AS DECIMAL(38,20)) AS revenue,
         0L AS new_customers
  FROM traffic_in_reporting t
  GROUP BY t.date, t.channel
  UNION ALL
  SELECT to_date(k.click_ts), 'social_share', 0L, count(*), 0, 0, 0L, 0, 0L
  FROM share_clicks k
  GROUP BY to_date(k.click_ts)
  UNION ALL
  SELECT o.local_date, o.effective_channel, 0L, 0L, 0, sum(CAST(l.commission AS DECIMAL(20,8)) * o.fx_rate), 0L, 0, 0L
  FROM commission_lines l
  JOIN counted_orders o ON o.order_id = l.order_id
  GROUP BY o.local_date, o.effective_channel
  UNION ALL
  SELECT o.local_date, o.effective_channel, 0L, 0L, 0, 0, count(*), sum(o.revenue), 0L
  FROM counted_orders o
  GROUP BY o.local_date, o.effective_channel
  UNION ALL
  SELECT f.first_local_date, f.acquisition_channel, 0L, 0L, 0, 0, 0L, 0, count(*)
  FROM customer_first_orders f
  GROUP BY f.first_local_date, f.acquisition_channel
),
activity AS (
  SELECT c.period_type, c.period, d.channel, d.visits, d.share_clicks, d.spend, d.commissions, d.orders,
         d.revenue, d.new_customers
  FROM daily d
  JOIN calendar c ON c.local_date = d.local_date
),
grouped_activity AS (
  SELECT a.*, coalesce(g.channel_group, 'other') AS channel_group
  FROM activity a
  LEFT JOIN channel_groups g ON g.channel = a.channel
),
keyed AS (
  SELECT period_type, period,
         CASE WHEN grouping(channel) = 1 THEN '*' ELSE channel END AS channel,
         channel_group,
         sum(visits) AS visits, sum(share_clicks) AS share_clicks, sum(spend) AS spend,
         sum(commissions) AS commissions, sum(orders) AS orders, sum(revenue) AS revenue,
         sum(new_customers) AS new_customers
  FROM grouped_activity
  GROUP BY GROUPING SETS ((period_type, period, channel_group, channel), (period_type, period, channel_group))
),
pooled AS (
  SELECT p.period_type, p.period, '*' AS channel, '*' AS channel_group,
         coalesce(sum(a.visits), 0) AS visits, coalesce(sum(a.share_clicks), 0) AS share_clicks,
         coalesce(sum(a.spend), 0) AS spend, coalesce(sum(a.commissions), 0) AS commissions,
         coalesce(sum(a.orders), 0) AS orders, coalesce(sum(a.revenue), 0) AS revenue,
         coalesce(sum(a.new_customers), 0) AS new_customers
  FROM periods p
  LEFT JOIN grouped_activity a ON a.period_type = p.period_type AND a.period = p.period
  GROUP BY p.period_type, p.period
),
-- DECIMAL(38,20) + DECIMAL(38,20) would be cut to 19 places; one digit less of range keeps all 20
sums AS (
  SELECT *, CAST(spend AS DECIMAL(37,20)) + CAST(commissions AS DECIMAL(37,20)) AS cost FROM keyed
  UNION ALL
  SELECT *, CAST(spend AS DECIMAL(37,20)) + CAST(commissions AS DECIMAL(37,20)) AS cost FROM pooled
)
SELECT period_type, period, channel, channel_group, visits, share_clicks,
       round_money(spend, :reporting_currency) AS spend,
       round_money(commissions, :reporting_currency) AS commissions,
       round_money(cost, :reporting_currency) AS cost,
       orders,
       round_money(revenue, :reporting_currency) AS revenue,
       new_customers,
       ratio(orders, visits + share_clicks) AS conversion_rate,
       money_per(cost, new_customers, :reporting_currency) AS cac,
       money_per(cost, orders, :reporting_currency) AS cost_per_order,
       ratio(revenue, cost) AS roas
FROM sums
