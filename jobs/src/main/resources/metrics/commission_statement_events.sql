-- docs/metrics.md, "Commissions and reconciliation": the month amounts of commission_statement per
-- sharer and currency, before the running balance (CommissionStatement) is carried month to month.
-- Every amount is a sum of already rounded entries, so a statement adds up to its lines.
-- Parameters: :data_end (DATE), :end_month (STRING yyyy-MM, the data end's month).
-- Views: ledger_commission_lines, ledger_commission_reversals, ledger_payouts (payouts as booked,
-- see ReferralLedger).
WITH before_lock AS (
    SELECT order_id, level, sum(amount) AS reversed
    FROM ledger_commission_reversals
    WHERE NOT after_lock
    GROUP BY order_id, level
),
events AS (
    -- accrued: commission of orders placed in the month
    SELECT sharer_id, currency, date_format(accrual_date, 'yyyy-MM') AS period,
           commission AS accrued, CAST(0 AS DECIMAL(38,18)) AS released,
           CAST(0 AS DECIMAL(38,18)) AS clawback, CAST(0 AS DECIMAL(38,18)) AS paid
    FROM ledger_commission_lines
    UNION ALL
    -- released on the lock date (once it is not after the data end), net of earlier reversals
    SELECT l.sharer_id, l.currency, date_format(l.lock_date, 'yyyy-MM'),
           0, l.commission - coalesce(b.reversed, 0), 0, 0
    FROM ledger_commission_lines l
    LEFT JOIN before_lock b ON b.order_id = l.order_id AND b.level = l.level
    WHERE l.lock_date <= :data_end
    UNION ALL
    SELECT sharer_id, currency, date_format(reversal_date, 'yyyy-MM'), 0, 0, amount, 0
    FROM ledger_commission_reversals
    WHERE after_lock
    UNION ALL
    -- paid: payouts settling the month, counted once paid (local date of paid_ts) by the data end;
    -- each payout is rounded to the minor unit as a ledger line
    SELECT sharer_id, currency, period, 0, 0, 0, round_money(amount, currency)
    FROM ledger_payouts
    WHERE to_date(paid_ts) <= :data_end AND period <= :end_month
)
SELECT sharer_id, currency, period,
       CAST(sum(accrued) AS DECIMAL(38,18)) AS accrued,
       CAST(sum(released) AS DECIMAL(38,18)) AS released,
       CAST(sum(clawback) AS DECIMAL(38,18)) AS clawback,
       CAST(sum(paid) AS DECIMAL(38,18)) AS paid
FROM events
GROUP BY sharer_id, currency, period
