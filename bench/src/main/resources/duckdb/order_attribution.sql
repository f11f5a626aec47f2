-- METRICS.md "Referral attribution and fission" > order_attribution: one row per counted order.
SELECT order_id, customer_id, ts_text(order_ts) AS order_ts, method, share_id, click_id, sharer_id,
       CAST(self_referral AS VARCHAR) AS self_referral
FROM attribution
ORDER BY order_id, customer_id, order_ts, method, share_id NULLS FIRST, click_id NULLS FIRST, sharer_id NULLS FIRST
