-- METRICS.md "Traffic cost" > traffic_cost: per period and effective channel; money exact in 10^-20 of
-- the reporting currency, each cell rounded once; group rows where the group has activity, a total
-- row for every period.
WITH activity(period_type, period, channel, visits, share_clicks, spend_u20, commissions_u20, orders, revenue_u20,
              new_customers) AS (
  SELECT c.period_type, c.period, t.channel, t.visits, 0,
         t.spend_u8 * CASE WHEN t.currency = '${reporting_currency}' THEN pow10(12) ELSE fx.rate_u12 END, 0, 0, 0, 0
  FROM traffic t
  ASOF LEFT JOIN fx_rates fx ON fx.currency = t.currency AND fx.date <= t.date
  JOIN calendar c ON c.local_date = t.date
  UNION ALL
  SELECT c.period_type, c.period, 'social_share', 0, 1, 0, 0, 0, 0, 0
  FROM share_clicks k JOIN calendar c ON c.local_date = CAST(k.click_ts AS DATE)
  UNION ALL
  -- commission in minor units x the order's rate, to 10^-20
  SELECT c.period_type, c.period, f.effective_channel, 0, 0, 0,
         l.commission_minor * l.rate_u12 * pow10(8 - minor_unit(l.currency)), 0, 0, 0
  FROM commission_lines l JOIN order_facts f ON f.order_id = l.order_id JOIN calendar c ON c.local_date = f.local_date
  UNION ALL
  SELECT c.period_type, c.period, f.effective_channel, 0, 0, 0, 0, 1, f.revenue_u20, 0
  FROM order_facts f JOIN calendar c ON c.local_date = f.local_date
  UNION ALL
  SELECT c.period_type, c.period, f.acquisition_channel, 0, 0, 0, 0, 0, 0, 1
  FROM first_orders f JOIN calendar c ON c.local_date = f.first_local_date
),
grouped AS (SELECT *, channel_group(channel) AS channel_group FROM activity),
sums AS (
  SELECT period_type, period, channel, channel_group, sum(visits) AS visits, sum(share_clicks) AS share_clicks,
         sum(spend_u20) AS spend, sum(commissions_u20) AS commissions, sum(orders) AS orders,
         sum(revenue_u20) AS revenue, sum(new_customers) AS new_customers
  FROM grouped GROUP BY period_type, period, channel, channel_group
  UNION ALL
  SELECT period_type, period, '*', channel_group, sum(visits), sum(share_clicks), sum(spend_u20),
         sum(commissions_u20), sum(orders), sum(revenue_u20), sum(new_customers)
  FROM grouped GROUP BY period_type, period, channel_group
  UNION ALL
  SELECT p.period_type, p.period, '*', '*', coalesce(sum(g.visits), 0), coalesce(sum(g.share_clicks), 0),
         coalesce(sum(g.spend_u20), 0), coalesce(sum(g.commissions_u20), 0), coalesce(sum(g.orders), 0),
         coalesce(sum(g.revenue_u20), 0), coalesce(sum(g.new_customers), 0)
  FROM (SELECT DISTINCT period_type, period FROM calendar) p
  LEFT JOIN grouped g ON g.period_type = p.period_type AND g.period = p.period
  GROUP BY p.period_type, p.period
),
costed AS (SELECT *, spend + commissions AS cost FROM sums)
SELECT period_type, period, channel, channel_group, CAST(visits AS VARCHAR) AS visits,
       CAST(share_clicks AS VARCHAR) AS share_clicks,
       money20_text(spend) AS spend, money20_text(commissions) AS commissions, money20_text(cost) AS cost,
       CAST(orders AS VARCHAR) AS orders, money20_text(revenue) AS revenue,
       CAST(new_customers AS VARCHAR) AS new_customers,
       ratio_text(orders, visits + share_clicks) AS conversion_rate,
       units_text(half_up_div(cost, CAST(new_customers AS HUGEINT) * pow10(20 - minor_unit('${reporting_currency}'))),
                  minor_unit('${reporting_currency}')) AS cac,
       units_text(half_up_div(cost, CAST(orders AS HUGEINT) * pow10(20 - minor_unit('${reporting_currency}'))),
                  minor_unit('${reporting_currency}')) AS cost_per_order,
       units_text(half_up_div(revenue * 1000000, cost), 6) AS roas
FROM costed
ORDER BY period_type, period, channel, channel_group
