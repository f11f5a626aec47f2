-- METRICS.md "Foundations", shared by the four compared tables: data end, counted orders with their
-- rate, attribution (last touch) and effective channel, first orders, the calendar and the accrued
-- commission per order. Built-in defaults of METRICS.md: social = social_share, live_stream,
-- community; traditional = search, ads, direct, email; window 30 days; max 2 levels at 10 % and 3 %;
-- self-referral excluded; no category rates.
-- Parameters: ${reporting_currency}, ${reporting_zone}.
SET TimeZone = '${reporting_zone}';

-- half-up (away from zero on a tie) integer division; d > 0
CREATE MACRO half_up_div(n, d) AS
  CASE WHEN d = 0 THEN NULL ELSE sign(n) * ((2 * abs(n) + d) // (2 * d)) END;
CREATE MACRO pow10(p) AS CAST('1' || repeat('0', p) AS HUGEINT);
-- a scaled integer as text with p places: '1234.50', '0.062500', never '-0.00'
CREATE MACRO units_text(q, p) AS
  CASE WHEN q IS NULL THEN NULL
       ELSE (CASE WHEN q < 0 THEN '-' ELSE '' END) || CAST(abs(q) // pow10(p) AS VARCHAR)
            || CASE WHEN p > 0 THEN '.' || lpad(CAST(abs(q) % pow10(p) AS VARCHAR), p, '0') ELSE '' END
  END;
CREATE MACRO ratio_text(n, d) AS units_text(half_up_div(CAST(n AS HUGEINT) * 1000000, CAST(d AS HUGEINT)), 6);
CREATE MACRO minor_unit(cur) AS
  CASE WHEN cur IN ('JPY', 'KRW', 'VND', 'CLP', 'ISK') THEN 0
       WHEN cur IN ('KWD', 'BHD', 'OMR', 'JOD', 'TND') THEN 3 ELSE 2 END;
-- an amount in 10^-20 of the reporting currency, rounded once to its minor unit, as text
CREATE MACRO money20_text(x) AS
  units_text(half_up_div(x, pow10(20 - minor_unit('${reporting_currency}'))), minor_unit('${reporting_currency}'));
-- a timestamp in the reporting zone: 2026-10-03T21:15:00+08:00, a fraction only when not zero
CREATE MACRO ts_text(ts) AS
  strftime(ts, '%Y-%m-%dT%H:%M:%S')
  || CASE WHEN microsecond(ts) % 1000000 = 0 THEN ''
          ELSE '.' || rtrim(lpad(CAST(microsecond(ts) % 1000000 AS VARCHAR), 6, '0'), '0') END
  || (CASE WHEN date_part('timezone', ts) < 0 THEN '-' ELSE '+' END)
  || lpad(CAST(abs(date_part('timezone', ts)) // 3600 AS VARCHAR), 2, '0') || ':'
  || lpad(CAST(abs(date_part('timezone', ts)) % 3600 // 60 AS VARCHAR), 2, '0');
CREATE MACRO channel_group(ch) AS
  CASE WHEN ch IN ('social_share', 'live_stream', 'community') THEN 'social'
       WHEN ch IN ('search', 'ads', 'direct', 'email') THEN 'traditional' ELSE 'other' END;

-- the local date of the latest order_ts among the valid latest versions, cancelled ones included
CREATE TABLE data_end AS SELECT max(local_date) AS data_end FROM orders;

CREATE TABLE counted_orders AS
SELECT o.order_id, o.customer_id, o.order_ts, o.local_date, o.currency, o.channel, o.visitor_id, o.share_code,
       o.nma_u8
FROM orders o, data_end e
WHERE o.status <> 'cancelled' AND o.local_date <= e.data_end;

-- the sharers up each share's parent chain, distinct, numbered from the share's own sharer (level 1);
-- a parent that is unknown or was quarantined ends the walk
CREATE TABLE share_levels AS
WITH RECURSIVE chain(start_id, share_id, sharer_id, parent_share_id, depth) AS (
  SELECT share_id, share_id, sharer_id, parent_share_id, 1 FROM shares
  UNION ALL
  SELECT c.start_id, s.share_id, s.sharer_id, s.parent_share_id, c.depth + 1
  FROM chain c JOIN shares s ON s.share_id = c.parent_share_id
),
first_meeting AS (
  SELECT start_id, sharer_id, min(depth) AS depth FROM chain GROUP BY start_id, sharer_id
)
SELECT start_id AS share_id, sharer_id, row_number() OVER (PARTITION BY start_id ORDER BY depth) AS level
FROM first_meeting;

-- "Referral attribution": code, else the latest click (ties: greatest click_id) within 30 x 24 h
CREATE TABLE attribution AS
WITH known_clicks AS (
  SELECT k.* FROM share_clicks k JOIN shares s ON s.share_id = k.share_id
),
-- a click matches by customer or by visitor: two equality joins and a distinct union, because a join
-- on "a = b OR c = d" has no equality key and compares every order with every click (quadratic)
matched AS (
  SELECT o.order_id, o.order_ts, k.click_id, k.share_id, k.click_ts
  FROM counted_orders o JOIN known_clicks k ON k.customer_id = o.customer_id
  UNION
  SELECT o.order_id, o.order_ts, k.click_id, k.share_id, k.click_ts
  FROM counted_orders o JOIN known_clicks k ON k.visitor_id = o.visitor_id
),
candidates AS (
  SELECT order_id, click_id, share_id, click_ts
  FROM matched
  WHERE epoch_us(click_ts) BETWEEN epoch_us(order_ts) - CAST(30 AS BIGINT) * 86400000000 AND epoch_us(order_ts)
),
winning_click AS (
  SELECT order_id, click_id, share_id FROM candidates
  QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY click_ts DESC, click_id DESC) = 1
),
credited AS (
  SELECT o.order_id, o.customer_id, o.order_ts,
         CASE WHEN code.share_id IS NOT NULL THEN 'code' WHEN w.share_id IS NOT NULL THEN 'click' ELSE 'none' END AS method,
         coalesce(code.share_id, w.share_id) AS share_id,
         CASE WHEN code.share_id IS NULL THEN w.click_id END AS click_id
  FROM counted_orders o
  LEFT JOIN shares code ON code.share_id = o.share_code
  LEFT JOIN winning_click w ON w.order_id = o.order_id
)
SELECT c.*, l.sharer_id, coalesce(l.sharer_id = c.customer_id, false) AS self_referral
FROM credited c
LEFT JOIN share_levels l ON l.share_id = c.share_id AND l.level = 1;

-- counted orders with their effective channel and group, rate and revenue (10^-20 of reporting currency)
CREATE TABLE order_facts AS
WITH effective AS (
  SELECT o.*, a.share_id, a.self_referral,
         CASE WHEN a.share_id IS NOT NULL AND channel_group(o.channel) <> 'social' THEN 'social_share'
              ELSE o.channel END AS effective_channel,
         -- the rate of the order's local date, or the latest earlier one; 1 in the reporting currency
         CASE WHEN o.currency = '${reporting_currency}' THEN pow10(12) ELSE fx.rate_u12 END AS rate_u12
  FROM counted_orders o JOIN attribution a ON a.order_id = o.order_id
  ASOF LEFT JOIN fx_rates fx ON fx.currency = o.currency AND fx.date <= o.local_date
)
SELECT *, channel_group(effective_channel) AS effective_group, nma_u8 * rate_u12 AS revenue_u20
FROM effective;

-- "First order": smallest (order_ts, order_id); its effective channel and group acquire the customer
CREATE TABLE first_orders AS
SELECT customer_id, order_id AS first_order_id, order_ts AS first_order_ts, local_date AS first_local_date,
       strftime(local_date, '%Y-%m') AS cohort_month,
       effective_channel AS acquisition_channel, effective_group AS acquisition_group
FROM order_facts
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY order_ts, order_id) = 1;

-- "Periods": days from the first counted order's, ISO weeks and months that contain them, to the data end
CREATE TABLE calendar AS
WITH bounds AS (
  SELECT min(o.local_date) AS first_day, any_value(e.data_end) AS data_end FROM counted_orders o, data_end e
),
days AS (
  SELECT first_day, CAST(d AS DATE) AS local_date
  FROM bounds, generate_series(CAST(least(date_trunc('month', first_day), date_trunc('week', first_day)) AS TIMESTAMP),
                               CAST(data_end AS TIMESTAMP), INTERVAL 1 DAY) AS g(d)
  WHERE first_day <= data_end
)
SELECT local_date, 'day' AS period_type, strftime(local_date, '%Y-%m-%d') AS period, local_date AS period_end
FROM days WHERE local_date >= first_day
UNION ALL
SELECT local_date, 'week', strftime(local_date, '%G-W%V'), CAST(date_trunc('week', local_date) AS DATE) + 6
FROM days WHERE date_trunc('week', local_date) >= date_trunc('week', first_day)
UNION ALL
SELECT local_date, 'month', strftime(local_date, '%Y-%m'), last_day(local_date)
FROM days WHERE date_trunc('month', local_date) >= date_trunc('month', first_day);

-- "Commissions": per credited counted order that is not a self-referral and level 1..2 with a sharer,
-- NMA split over the lines by net (one line without category when there are none or they net to 0),
-- each line's commission rounded half-up to the order currency's minor unit, then summed.
CREATE TABLE commission_lines AS
WITH payable AS (
  SELECT f.order_id, f.currency, f.nma_u8, f.rate_u12, l.level,
         CASE l.level WHEN 1 THEN 100000 WHEN 2 THEN 30000 END AS rate_u6
  FROM order_facts f
  JOIN share_levels l ON l.share_id = f.share_id AND l.level <= 2
  WHERE f.share_id IS NOT NULL AND NOT f.self_referral
),
line_nets AS (
  SELECT order_id, net_u8, sum(net_u8) OVER (PARTITION BY order_id) AS total_u8
  FROM order_lines WHERE order_id IN (SELECT order_id FROM payable)
),
split AS (
  -- commission of a line, in minor units: NMA x net / total x rate
  SELECT p.order_id, p.level, p.currency, p.rate_u12,
         half_up_div(p.nma_u8 * n.net_u8 * p.rate_u6 * pow10(minor_unit(p.currency)), n.total_u8 * pow10(14)) AS minor
  FROM payable p JOIN line_nets n ON n.order_id = p.order_id
  WHERE n.total_u8 <> 0
  UNION ALL
  SELECT p.order_id, p.level, p.currency, p.rate_u12,
         half_up_div(p.nma_u8 * p.rate_u6 * pow10(minor_unit(p.currency)), pow10(14)) AS minor
  FROM payable p
  WHERE NOT EXISTS (SELECT 1 FROM line_nets n WHERE n.order_id = p.order_id AND n.total_u8 <> 0)
)
SELECT order_id, level, currency, any_value(rate_u12) AS rate_u12, sum(minor) AS commission_minor
FROM split GROUP BY order_id, level, currency;
