-- docs/metrics.md, "Foundations": counted orders (latest version not cancelled) placed on or before the
-- data end, with their local date, NMA (gross - discount, order currency), revenue in the reporting
-- currency (NMA x the rate of the order's local date), the ledger's attribution and the effective
-- channel and group. One row per counted order.
WITH counted AS (
  SELECT order_id, customer_id, order_ts, to_date(order_ts) AS local_date, currency, channel,
         CAST(CAST(gross_amount AS DECIMAL(20,8)) - CAST(discount_amount AS DECIMAL(20,8)) AS DECIMAL(20,8)) AS nma
  FROM orders
  WHERE status <> 'cancelled'
    AND to_date(order_ts) <= :data_end
),
credited AS (
  SELECT c.*, a.method, a.share_id, a.sharer_id, coalesce(a.self_referral, false) AS self_referral
  FROM counted c
  LEFT JOIN order_attribution a ON a.order_id = c.order_id
),
-- an order credited to a share whose recorded channel is not social counts as social_share
effective AS (
  SELECT cr.*,
         CASE WHEN cr.share_id IS NOT NULL AND coalesce(g.channel_group, 'other') <> 'social'
              THEN 'social_share' ELSE cr.channel END AS effective_channel
  FROM credited cr
  LEFT JOIN channel_groups g ON g.channel = cr.channel
),
with_rate AS (
  SELECT e.*, coalesce(g.channel_group, 'other') AS effective_group,
         CAST(CASE WHEN e.currency = :reporting_currency THEN 1
                   ELSE coalesce(fx.rate, raise_error(concat('no fx rate for ', e.currency, ' on or before ',
                                                             CAST(e.local_date AS STRING))))
              END AS DECIMAL(17,12)) AS fx_rate
  FROM effective e
  LEFT JOIN channel_groups g ON g.channel = e.effective_channel
  LEFT JOIN fx_daily fx ON fx.currency = e.currency AND fx.date = e.local_date
)
SELECT order_id, customer_id, order_ts, local_date, currency, channel, nma,
       method, share_id, sharer_id, self_referral, effective_channel, effective_group, fx_rate,
       nma * fx_rate AS revenue
FROM with_rate
