-- docs/metrics.md, "Commissions and reconciliation": everything the commission of one credited order
-- depends on, one row per order, for the per-order BigDecimal computation (OrderCommission).
-- Parameters: :data_end (DATE), :levels (INT, the levels paid).
-- A missing list (no lines, refunds or chain) is null.
-- Views: ledger_order_attribution, orders, order_lines, refunds, ledger_share_levels.
WITH credited AS (
    SELECT a.order_id, a.share_id, a.self_referral, o.currency, o.gross_amount, o.discount_amount,
           to_date(o.order_ts) AS accrual_date
    FROM ledger_order_attribution a
    JOIN orders o ON o.order_id = a.order_id
    WHERE a.share_id IS NOT NULL
),
lines AS (
    SELECT order_id, collect_list(struct(category, quantity, unit_price, line_discount)) AS lines
    FROM order_lines
    WHERE order_id IN (SELECT order_id FROM credited)
    GROUP BY order_id
),
order_refunds AS (
    -- a refund dated after the data end reverses nothing yet
    SELECT order_id,
           collect_list(struct(refund_id, refund_ts, to_date(refund_ts) AS refund_date, amount)) AS refunds
    FROM refunds
    WHERE to_date(refund_ts) <= :data_end AND order_id IN (SELECT order_id FROM credited)
    GROUP BY order_id
),
chains AS (
    SELECT share_id, collect_list(struct(level, sharer_id, level_share_id)) AS chain
    FROM ledger_share_levels
    WHERE level <= :levels
    GROUP BY share_id
)
SELECT c.order_id, c.self_referral, c.currency, c.gross_amount, c.discount_amount, c.accrual_date,
       l.lines, r.refunds, h.chain
FROM credited c
LEFT JOIN lines l ON l.order_id = c.order_id
LEFT JOIN order_refunds r ON r.order_id = c.order_id
LEFT JOIN chains h ON h.share_id = c.share_id
