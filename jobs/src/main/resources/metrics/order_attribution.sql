-- docs/metrics.md, "Referral attribution and fission": order_attribution, one row per counted order.
-- Credit by share code, else by the winning click within the window, else none.
-- Parameters: :data_end (DATE), :window_days (INT), :last_touch (BOOLEAN).
-- Views: orders (winning versions), shares, share_clicks, ledger_share_levels (FissionChain, ledger_share_levels.sql).
WITH counted AS (
    SELECT order_id, customer_id, order_ts, visitor_id, share_code
    FROM orders
    WHERE status <> 'cancelled' AND to_date(order_ts) <= :data_end
),
by_code AS (
    -- a code naming no known share finds no row here and falls through to the clicks
    SELECT c.order_id, s.share_id
    FROM counted c
    JOIN shares s ON s.share_id = c.share_code
),
known_clicks AS (
    -- a click on an unknown (or quarantined) share credits nothing: it is no candidate
    SELECT k.click_id, k.share_id, k.visitor_id, k.customer_id, k.click_ts
    FROM share_clicks k
    JOIN shares s ON s.share_id = k.share_id
),
candidates AS (
    -- two equi-joins rather than one OR join; UNION (distinct) counts a click matched both ways once.
    -- The window is window_days x 24 h, as the repurchase windows are: exact microseconds, because
    -- Spark subtracts an interval of days as local calendar days (23 or 25 h across a DST change).
    SELECT c.order_id, k.click_id, k.share_id, k.click_ts
    FROM counted c
    JOIN known_clicks k ON k.customer_id = c.customer_id
    WHERE k.click_ts BETWEEN timestamp_micros(unix_micros(c.order_ts) - CAST(:window_days AS BIGINT) * 86400000000)
                          AND c.order_ts
    UNION
    SELECT c.order_id, k.click_id, k.share_id, k.click_ts
    FROM counted c
    JOIN known_clicks k ON k.visitor_id = c.visitor_id
    WHERE k.click_ts BETWEEN timestamp_micros(unix_micros(c.order_ts) - CAST(:window_days AS BIGINT) * 86400000000)
                          AND c.order_ts
),
ranked AS (
    -- last_touch: latest click, ties to the greatest click_id; first_touch: earliest, smallest id
    SELECT order_id, click_id, share_id,
           row_number() OVER (PARTITION BY order_id ORDER BY
               CASE WHEN :last_touch THEN click_ts END DESC,
               CASE WHEN :last_touch THEN click_id END DESC,
               click_ts ASC, click_id ASC) AS pick
    FROM candidates
),
credited AS (
    SELECT c.order_id, c.customer_id, c.order_ts,
           CASE WHEN b.share_id IS NOT NULL THEN 'code'
                WHEN r.share_id IS NOT NULL THEN 'click'
                ELSE 'none' END AS method,
           coalesce(b.share_id, r.share_id) AS share_id,
           CASE WHEN b.share_id IS NULL THEN r.click_id END AS click_id
    FROM counted c
    LEFT JOIN by_code b ON b.order_id = c.order_id
    LEFT JOIN ranked r ON r.order_id = c.order_id AND r.pick = 1
)
SELECT a.order_id, a.customer_id, a.order_ts, a.method, a.share_id, a.click_id,
       l.sharer_id,
       -- self-referral: the buyer is the level-1 sharer; false for method none
       coalesce(l.sharer_id = a.customer_id, false) AS self_referral
FROM credited a
LEFT JOIN ledger_share_levels l ON l.share_id = a.share_id AND l.level = 1
