-- docs/metrics.md, "Closed months and adjustments": what makes up each month's payable, one entry per
-- (order, level) release and per (refund, level) reversal, so that two computations of the same months
-- can be compared entry by entry. The entries of a month add up to its released - clawback exactly as
-- commission_statement_events counts them.
-- Parameters: :data_end (DATE). Views: payable_lines, payable_reversals (commission_lines and
-- commission_reversals of one computation).
WITH released AS (
    SELECT * FROM payable_lines WHERE lock_date <= :data_end
)
SELECT sharer_id, currency, date_format(lock_date, 'yyyy-MM') AS month, order_id, level,
       CAST(NULL AS STRING) AS refund_id, commission AS amount, lock_date
FROM released
UNION ALL
-- a reversal dated before the lock date nets into the release, in the lock date's month
SELECT r.sharer_id, r.currency, date_format(l.lock_date, 'yyyy-MM'), r.order_id, r.level,
       r.refund_id, -r.amount, l.lock_date
FROM payable_reversals r
JOIN released l ON l.order_id = r.order_id AND l.level = r.level
WHERE NOT r.after_lock
UNION ALL
SELECT sharer_id, currency, date_format(reversal_date, 'yyyy-MM'), order_id, level,
       refund_id, -amount, CAST(NULL AS DATE)
FROM payable_reversals
WHERE after_lock
