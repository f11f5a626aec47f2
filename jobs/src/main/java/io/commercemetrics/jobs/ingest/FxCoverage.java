package io.commercemetrics.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DATA.md fx_rates: an amount in a currency other than the reporting currency needs a rate on or
 * before its date (the latest earlier rate serves). A rate exists on or before a date exactly when
 * the currency's first rate date is not after it, so one join on currency answers it.
 * With no reporting currency (several currencies, none configured) nothing is checked.
 */
final class FxCoverage {

    private static final String FIRST = "_fx_first";
    private static final String CURRENCY = "_fx_currency";

    private final CrossFileRules rules;
    private final Dataset<Row> rates;
    private final Dataset<Row> firstRateDates;
    private final String reportingCurrency;

    FxCoverage(CrossFileRules rules, Dataset<Row> rates, String reportingCurrency) {
        this.rules = rules;
        this.rates = rates;
        this.reportingCurrency = reportingCurrency;
        this.firstRateDates = rates.groupBy(col("currency").as(CURRENCY)).agg(min(col("date")).as(FIRST));
    }

    Dataset<Row> rates() {
        return rates;
    }

    String reportingCurrency() {
        return reportingCurrency;
    }

    boolean active() {
        return reportingCurrency != null;
    }

    /** Rejects the rows whose amount cannot be converted on {@code date}. */
    Dataset<Row> check(Dataset<Row> rows, String source, Column date) {
        if (!active()) {
            return rows;
        }
        return rules.rejectWhere(withFirstRateDate(rows), source, reason(date), kind(date), FIRST);
    }

    /** Adds the currency's first rate date, for {@link #reason} in a combined rule. */
    Dataset<Row> withFirstRateDate(Dataset<Row> rows) {
        if (!active()) {
            return rows.withColumn(FIRST, lit(null).cast("date"));
        }
        return rows.join(firstRateDates, rows.col("currency").equalTo(firstRateDates.col(CURRENCY)), "left")
                .drop(CURRENCY);
    }

    Column reason(Column date) {
        return when(missing(date), concat(lit("no fx rate for "), col("currency"), lit(" to " + reportingCurrency
                + " on or before "), date.cast("string")));
    }

    Column kind(Column date) {
        return when(missing(date), lit("no fx rate"));
    }

    String firstColumn() {
        return FIRST;
    }

    private Column missing(Column date) {
        if (!active()) {
            return lit(false);
        }
        return col("currency").notEqual(lit(reportingCurrency))
                .and(col(FIRST).isNull().or(col(FIRST).gt(date)));
    }
}
