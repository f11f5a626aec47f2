-- docs/metrics.md, "Closed months and adjustments": the payable entries of the closed months as this
-- run computes them against the same entries as the latest close froze them; every difference is
-- posted to the first open month with its cause.
-- Parameters: :closed_through (STRING yyyy-MM, the latest closed month), :first_open (STRING yyyy-MM),
-- :frozen_data_end (DATE, the data end of the run the latest close froze).
-- Views: adjustment_new_entries, adjustment_frozen_entries (commission_payable_entries of this run and of
-- the frozen run), closed_commission_lines, closed_commission_reversals (the frozen tables).
WITH new_entries AS (
    SELECT * FROM adjustment_new_entries WHERE month <= :closed_through
),
frozen_entries AS (
    SELECT * FROM adjustment_frozen_entries WHERE month <= :closed_through
),
frozen_orders AS (
    SELECT DISTINCT order_id FROM closed_commission_lines
),
frozen_refunds AS (
    SELECT DISTINCT refund_id FROM closed_commission_reversals
),
changes AS (
    SELECT coalesce(n.sharer_id, f.sharer_id) AS sharer_id,
           coalesce(n.currency, f.currency) AS currency,
           coalesce(n.month, f.month) AS closed_month,
           coalesce(n.order_id, f.order_id) AS order_id,
           coalesce(n.refund_id, f.refund_id) AS refund_id,
           coalesce(n.amount, 0) - coalesce(f.amount, 0) AS amount,
           CASE WHEN n.order_id IS NULL THEN 'withdrawn'
                WHEN f.order_id IS NOT NULL THEN 'rule_change'
                WHEN n.refund_id IS NULL AND fo.order_id IS NULL THEN 'late_order'
                WHEN n.refund_id IS NOT NULL AND fr.refund_id IS NULL THEN 'late_refund'
                -- known at the close, but its lock date came after the close's data end (a forced close)
                WHEN n.lock_date > :frozen_data_end THEN 'late_release'
                ELSE 'rule_change' END AS cause
    FROM new_entries n
    FULL OUTER JOIN frozen_entries f
      ON f.sharer_id = n.sharer_id AND f.currency = n.currency AND f.month = n.month
     AND f.order_id = n.order_id AND f.level = n.level AND f.refund_id <=> n.refund_id
    LEFT JOIN frozen_orders fo ON fo.order_id = n.order_id
    LEFT JOIN frozen_refunds fr ON fr.refund_id = n.refund_id
)
SELECT :first_open AS posted_month, sharer_id, currency, closed_month, order_id, refund_id, cause,
       CAST(sum(amount) AS DECIMAL(38,18)) AS amount
FROM changes
GROUP BY sharer_id, currency, closed_month, order_id, refund_id, cause
HAVING sum(amount) <> 0
