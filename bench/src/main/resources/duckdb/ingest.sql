-- The DuckDB peer's ingest: the generated CSV exports into typed tables, following spec/DATA.md for
-- every rule that can change the four compared tables (required fields, strict numbers and dates,
-- enums, duplicates: first row stands, share loops, fx coverage, the latest valid order version).
-- Amounts are kept as exact scaled integers (HUGEINT): money in 10^-8, rates in 10^-12, so that every
-- product and quotient below is exact (DuckDB divides DECIMALs as DOUBLE).
-- Parameters: ${input} (folder), ${reporting_currency}, ${reporting_zone}, ${source_zone}.
SET TimeZone = 'UTC';

CREATE MACRO is_decimal(x) AS coalesce(regexp_full_match(x, '-?[0-9]+(\.[0-9]+)?'), false);
CREATE MACRO is_int(x) AS coalesce(regexp_full_match(x, '[0-9]+'), false);
-- exact scaled integers from the decimal text (no float on the way)
CREATE MACRO u8(x) AS CAST(split_part(x, '.', 1) || rpad(split_part(x, '.', 2), 8, '0') AS HUGEINT);
CREATE MACRO u12(x) AS CAST(split_part(x, '.', 1) || rpad(split_part(x, '.', 2), 12, '0') AS HUGEINT);
CREATE MACRO parse_date(x) AS
  CASE WHEN regexp_full_match(x, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_cast(x AS DATE) END;
-- ISO-8601 with optional seconds and fraction, 'T' or a space; no offset: the source time zone
CREATE MACRO parse_ts(x) AS
  CASE WHEN regexp_full_match(x, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?')
       THEN CASE WHEN regexp_matches(x, '(Z|[+-][0-9]{2}:[0-9]{2})$')
                 THEN try_cast(substr(x, 1, 10) || 'T' || substr(x, 12, 5)
                               || CASE WHEN substr(x, 17, 1) = ':' THEN '' ELSE ':00' END || substr(x, 17) AS TIMESTAMPTZ)
                 ELSE timezone('${source_zone}', try_cast(substr(x, 1, 10) || ' ' || substr(x, 12, 5)
                               || CASE WHEN substr(x, 17, 1) = ':' THEN '' ELSE ':00' END || substr(x, 17) AS TIMESTAMP))
            END
  END;
CREATE MACRO local_date(ts) AS CAST(timezone('${reporting_zone}', ts) AS DATE);

CREATE TABLE raw_fx_rates AS SELECT * FROM read_csv('${input}/fx_rates.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_orders AS SELECT * FROM read_csv('${input}/orders.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_order_lines AS SELECT * FROM read_csv('${input}/order_lines.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_shares AS SELECT * FROM read_csv('${input}/shares.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_share_clicks AS SELECT * FROM read_csv('${input}/share_clicks.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_traffic AS SELECT * FROM read_csv('${input}/traffic.csv', header = true, all_varchar = true, quote = '"', escape = '"');

-- fx_rates: date, currency, rate > 0; a repeated (date, currency): the first row stands
CREATE TABLE fx_rates AS
SELECT date, currency, rate_u12
FROM (SELECT rowid AS line, parse_date(date_text) AS date, currency, u12(rate_to_reporting) AS rate_u12
      FROM (SELECT rowid, "date" AS date_text, currency, rate_to_reporting FROM raw_fx_rates)
      WHERE parse_date(date_text) IS NOT NULL AND currency IS NOT NULL AND is_decimal(rate_to_reporting))
WHERE rate_u12 > 0
QUALIFY row_number() OVER (PARTITION BY date, currency ORDER BY line) = 1;

-- whether an amount of `currency` dated `day` can be converted (DATA.md fx_rates: quarantined if not)
CREATE MACRO convertible(cur, day) AS
  cur = '${reporting_currency}'
  OR EXISTS (SELECT 1 FROM fx_rates f WHERE f.currency = cur AND f.date <= day);

-- orders: every row checked on its own, then the latest valid version of each order wins
CREATE TABLE order_versions AS
SELECT rowid AS line, order_id, customer_id, parse_ts(order_ts) AS order_ts, parse_ts(updated_ts) AS updated_ts,
       status, currency, channel, visitor_id, share_code,
       u8(gross_amount) AS gross_u8, coalesce(u8(discount_amount), 0) AS discount_u8,
       updated_ts IS NULL AS no_updated_ts
FROM raw_orders
WHERE order_id IS NOT NULL AND customer_id IS NOT NULL AND status IS NOT NULL AND currency IS NOT NULL
  AND channel IS NOT NULL
  AND parse_ts(order_ts) IS NOT NULL AND (updated_ts IS NULL OR parse_ts(updated_ts) IS NOT NULL)
  AND status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')
  AND is_decimal(gross_amount) AND NOT starts_with(gross_amount, '-')
  AND (discount_amount IS NULL OR (is_decimal(discount_amount) AND NOT starts_with(discount_amount, '-')))
  AND (shipping_amount IS NULL OR (is_decimal(shipping_amount) AND NOT starts_with(shipping_amount, '-')))
  AND (tax_amount IS NULL OR (is_decimal(tax_amount) AND NOT starts_with(tax_amount, '-')))
  AND coalesce(u8(discount_amount), 0) <= u8(gross_amount);

CREATE TABLE orders AS
SELECT order_id, customer_id, order_ts, local_date(order_ts) AS local_date, status, currency, channel,
       visitor_id, share_code, gross_u8 - discount_u8 AS nma_u8
FROM order_versions
WHERE convertible(currency, local_date(order_ts))
-- the latest updated_ts wins; a row without one is older than any row with one; else the last line
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY no_updated_ts, updated_ts DESC, line DESC) = 1;

-- order_lines: a repeated (order_id, line_no): the first row stands
CREATE TABLE order_lines AS
SELECT order_id, CAST(line_no AS BIGINT) AS line_no, category,
       CAST(quantity AS BIGINT) * u8(unit_price) - coalesce(u8(line_discount), 0) AS net_u8
FROM (SELECT rowid AS line, * FROM raw_order_lines)
WHERE order_id IS NOT NULL AND sku IS NOT NULL
  AND order_id IN (SELECT order_id FROM order_versions)  -- an orphan line is quarantined
  AND is_int(line_no) AND CAST(line_no AS HUGEINT) >= 1
  AND is_int(quantity) AND CAST(quantity AS HUGEINT) >= 1
  AND is_decimal(unit_price) AND NOT starts_with(unit_price, '-')
  AND (line_discount IS NULL OR (is_decimal(line_discount) AND NOT starts_with(line_discount, '-')))
QUALIFY row_number() OVER (PARTITION BY order_id, line_no ORDER BY line) = 1;

-- shares: required fields, the first of a repeated share_id stands, then the shares on a loop go
CREATE TABLE share_rows AS
SELECT share_id, sharer_id, parent_share_id, parse_ts(share_ts) AS share_ts
FROM (SELECT rowid AS line, * FROM raw_shares)
WHERE share_id IS NOT NULL AND sharer_id IS NOT NULL AND parse_ts(share_ts) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY share_id ORDER BY line) = 1;

CREATE TABLE shares AS
WITH RECURSIVE up(start_id, ancestor_id) AS (
  SELECT share_id, parent_share_id FROM share_rows WHERE parent_share_id IS NOT NULL
  UNION
  SELECT u.start_id, s.parent_share_id
  FROM up u JOIN share_rows s ON s.share_id = u.ancestor_id
  WHERE s.parent_share_id IS NOT NULL
)
SELECT * FROM share_rows
WHERE share_id NOT IN (SELECT start_id FROM up WHERE ancestor_id = start_id);

-- share_clicks: required fields, the first of a repeated click_id stands
CREATE TABLE share_clicks AS
SELECT click_id, share_id, visitor_id, customer_id, parse_ts(click_ts) AS click_ts
FROM (SELECT rowid AS line, * FROM raw_share_clicks)
WHERE click_id IS NOT NULL AND share_id IS NOT NULL AND visitor_id IS NOT NULL AND parse_ts(click_ts) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY click_id ORDER BY line) = 1;

-- traffic: date in the reporting zone, visits >= 0, spend >= 0, convertible
CREATE TABLE traffic AS
SELECT parse_date(date_text) AS date, channel, CAST(visits AS BIGINT) AS visits, u8(spend) AS spend_u8, currency
FROM (SELECT "date" AS date_text, channel, visits, spend, currency FROM raw_traffic)
WHERE parse_date(date_text) IS NOT NULL AND channel IS NOT NULL AND currency IS NOT NULL
  AND is_int(visits) AND is_decimal(spend) AND NOT starts_with(spend, '-')
  AND convertible(currency, parse_date(date_text));

-- The three sources the compared tables do not read, typed with their row checks all the same, so that
-- both sides ingest the same files (refunds' cross-file checks are left out: no compared table uses them).
CREATE TABLE raw_refunds AS SELECT * FROM read_csv('${input}/refunds.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_reviews AS SELECT * FROM read_csv('${input}/reviews.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE raw_payouts AS SELECT * FROM read_csv('${input}/payouts.csv', header = true, all_varchar = true, quote = '"', escape = '"');

CREATE TABLE refunds AS
SELECT refund_id, order_id, parse_ts(refund_ts) AS refund_ts, currency, u8(amount) AS amount_u8, reason
FROM (SELECT rowid AS line, * FROM raw_refunds)
WHERE refund_id IS NOT NULL AND order_id IS NOT NULL AND parse_ts(refund_ts) IS NOT NULL AND currency IS NOT NULL
  AND is_decimal(amount) AND u8(amount) > 0
QUALIFY row_number() OVER (PARTITION BY refund_id ORDER BY line) = 1;

CREATE TABLE reviews AS
SELECT review_id, order_id, customer_id, sku, CAST(rating AS INTEGER) AS rating, parse_ts(review_ts) AS review_ts,
       title, body
FROM (SELECT rowid AS line, * FROM raw_reviews)
WHERE review_id IS NOT NULL AND order_id IS NOT NULL AND customer_id IS NOT NULL AND parse_ts(review_ts) IS NOT NULL
  AND is_int(rating) AND CAST(rating AS HUGEINT) BETWEEN 1 AND 5
QUALIFY row_number() OVER (PARTITION BY review_id ORDER BY line) = 1;

CREATE TABLE payouts AS
SELECT payout_id, sharer_id, period, u8(amount) AS amount_u8, currency, parse_ts(paid_ts) AS paid_ts, reference
FROM (SELECT rowid AS line, * FROM raw_payouts)
WHERE payout_id IS NOT NULL AND sharer_id IS NOT NULL AND regexp_full_match(period, '[0-9]{4}-(0[1-9]|1[0-2])')
  AND is_decimal(amount) AND currency IS NOT NULL AND parse_ts(paid_ts) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY payout_id ORDER BY line) = 1;
