-- docs/metrics.md, "Commissions and reconciliation": reconciliation, what was expected against what was
-- paid, per month, sharer and currency with an expected payout or a payment.
-- Parameters: :data_end (DATE). Views: ledger_commission_statement, ledger_commission_lines, ledger_payouts.
WITH payout_sets AS (
    SELECT sharer_id, currency, period,
           array_join(array_sort(collect_list(payout_id)), ';') AS payout_ids,
           -- two or more payouts with equal (rounded) amounts
           count(*) > count(DISTINCT round_money(amount, currency)) AS has_duplicate
    FROM ledger_payouts
    WHERE to_date(paid_ts) <= :data_end
    GROUP BY sharer_id, currency, period
),
earners AS (
    -- "never earned": no commission line above 0 in that currency (lines end at the data end)
    SELECT DISTINCT sharer_id, currency
    FROM ledger_commission_lines
    WHERE commission > 0
)
SELECT s.period, s.sharer_id, s.currency, s.expected_payout, s.paid,
       CAST(s.paid - s.expected_payout AS DECIMAL(38,18)) AS difference,
       CASE WHEN coalesce(p.has_duplicate, false) THEN 'possible_duplicate'
            WHEN s.paid <> 0 AND e.sharer_id IS NULL THEN 'unexpected'
            WHEN s.expected_payout > 0 AND s.paid = 0 THEN 'unpaid'
            WHEN s.paid = s.expected_payout THEN 'matched'
            WHEN s.paid < s.expected_payout THEN 'underpaid'
            ELSE 'overpaid' END AS status,
       p.payout_ids
FROM ledger_commission_statement s
LEFT JOIN payout_sets p
       ON p.sharer_id = s.sharer_id AND p.currency = s.currency AND p.period = s.period
LEFT JOIN earners e ON e.sharer_id = s.sharer_id AND e.currency = s.currency
WHERE s.expected_payout <> 0 OR s.paid <> 0
