-- docs/metrics.md, "Foundations" > Currencies: every amount is converted at the rate of its own local
-- date, the latest earlier rate when that date has none. One row per currency of fx_rates and day
-- from its first rate through the data end (or its last rate, when later).
-- Rates are kept to 12 places (DECIMAL(17,12), below 100000) and amounts to 8 (DECIMAL(20,8), below
-- 10^12): their product, DECIMAL(38,20), is then exact (Spark cuts wider products to 6 places).
WITH rate_span AS (
  SELECT currency, min(date) AS first_date, greatest(max(date), CAST(:data_end AS DATE)) AS last_date
  FROM fx_rates
  GROUP BY currency
),
days AS (
  SELECT currency, explode(sequence(first_date, last_date)) AS date
  FROM rate_span
),
known AS (
  SELECT d.currency, d.date, CAST(f.rate_to_reporting AS DECIMAL(17,12)) AS rate
  FROM days d
  LEFT JOIN fx_rates f ON f.currency = d.currency AND f.date = d.date
)
SELECT currency, date,
       last_value(rate, true) OVER (PARTITION BY currency ORDER BY date
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rate
FROM known
