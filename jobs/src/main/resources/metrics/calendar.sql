-- docs/metrics.md, "Foundations" > Periods: every day, ISO week (Monday to Sunday, label 2026-W40 with
-- the ISO week-year) and month (2026-10) from the first counted order's through the data end.
-- One row per (local_date, period_type): activity joins it by its local date. Days before the first
-- counted order's day but inside its week or month map to that week or month only.
WITH bounds AS (
  SELECT min(local_date) AS first_day FROM counted_orders
),
days AS (
  SELECT first_day,
         explode(sequence(least(trunc(first_day, 'MM'), CAST(date_trunc('WEEK', first_day) AS DATE)),
                          CAST(:data_end AS DATE))) AS local_date
  FROM bounds
  WHERE first_day IS NOT NULL AND first_day <= :data_end
),
labelled AS (
  SELECT local_date, first_day,
         CAST(date_trunc('WEEK', local_date) AS DATE) AS week_start,
         trunc(local_date, 'MM') AS month_start
  FROM days
)
SELECT local_date, 'day' AS period_type, CAST(local_date AS STRING) AS period, local_date AS period_end
FROM labelled
WHERE local_date >= first_day
UNION ALL
-- the ISO week-year is the year of the week's Thursday (2024-12-30 is in 2025-W01)
SELECT local_date, 'week',
       concat(CAST(year(date_add(week_start, 3)) AS STRING), '-W', lpad(CAST(weekofyear(local_date) AS STRING), 2, '0')),
       date_add(week_start, 6)
FROM labelled
WHERE week_start >= CAST(date_trunc('WEEK', first_day) AS DATE)
UNION ALL
SELECT local_date, 'month', date_format(local_date, 'yyyy-MM'), last_day(local_date)
FROM labelled
WHERE month_start >= trunc(first_day, 'MM')
