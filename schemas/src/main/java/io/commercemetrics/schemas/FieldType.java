package io.commercemetrics.schemas;

/**
 * The engine-neutral value types of the inputs and the metric tables. Each maps to exactly one
 * Parquet and one Spark type (see {@link ParquetSchemas} and {@link SparkSchemas}).
 */
public enum FieldType {
    /** Opaque text, UTF-8. */
    STRING,
    /** 32-bit integer: line numbers, quantities, ratings, visits, counts. */
    INT,
    /** 64-bit integer, for counts that may outgrow an int. */
    LONG,
    /**
     * Exact decimal money or rate, stored as DECIMAL({@value #MONEY_PRECISION},{@value #MONEY_SCALE}):
     * inputs keep their extra places and are rounded only where METRICS.md rounds.
     */
    DECIMAL,
    /** A ratio of a metric table, rounded half-up once to {@value #RATIO_SCALE} places. */
    RATIO,
    /** A calendar date (no zone). */
    DATE,
    /** An instant, stored as UTC microseconds; shown in the reporting time zone. */
    TIMESTAMP,
    BOOLEAN;

    public static final int MONEY_PRECISION = 38;
    public static final int MONEY_SCALE = 18;
    public static final int RATIO_PRECISION = 20;
    public static final int RATIO_SCALE = 6;
}
