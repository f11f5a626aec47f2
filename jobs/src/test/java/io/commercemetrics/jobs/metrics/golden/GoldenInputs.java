package io.commercemetrics.jobs.metrics.golden;

import io.commercemetrics.jobs.spark.Materialized;
import io.commercemetrics.warehouse.IngestTables;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers a golden case's input files as the temp views the metric code reads, shaped exactly
 * like the warehouse's raw tables (contract columns, defaults applied, then {@code _file} and
 * {@code _line}). A source without a file in the case is an empty view.
 *
 * <p>Input files are CSV named {@code <source>.csv}, timestamps written with an offset and a
 * {@code T} ({@code 2026-10-03T21:15:00+08:00}). Parsing is FAILFAST: a typo in a fixture fails
 * the test instead of becoming a null.
 */
public final class GoldenInputs {

    private GoldenInputs() {
    }

    public static void register(SparkSession spark, Path caseDir) {
        // a case starts with nothing the case before cached (the metrics' shared views), as a metrics step does
        Materialized.releaseAll(spark);
        for (TableSchema source : Sources.ALL) {
            Path file = caseDir.resolve(source.name() + ".csv");
            Dataset<Row> typed = Files.exists(file)
                    ? typedByHeader(spark.read().option("header", "true").option("mode", "FAILFAST")
                        .option("multiLine", "true").option("escape", "\"").csv(file.toString()), source)
                    : spark.createDataFrame(List.of(), SparkSchemas.toStructType(source));
            withDefaultsAndProvenance(typed, source, file.getFileName().toString())
                    .createOrReplaceTempView(source.name());
        }
    }

    /** Columns by header name (a fixture lists only what it needs); ANSI casts fail on a typo. */
    private static Dataset<Row> typedByHeader(Dataset<Row> text, TableSchema source) {
        List<String> present = List.of(text.columns());
        List<Column> columns = new ArrayList<>();
        for (Field field : source.fields()) {
            Column value = present.contains(field.name()) ? col(field.name()) : lit(null).cast(DataTypes.StringType);
            Column typed = field.type() == FieldType.TIMESTAMP
                    ? to_timestamp(value)
                    : value.cast(SparkSchemas.toDataType(field.type()));
            columns.add(typed.as(field.name()));
        }
        return text.select(columns.toArray(Column[]::new));
    }

    private static Dataset<Row> withDefaultsAndProvenance(Dataset<Row> typed, TableSchema source, String fileName) {
        List<Column> columns = new ArrayList<>();
        for (Field field : source.fields()) {
            Column column = col(field.name());
            if (field.defaultValue() != null) {
                column = coalesce(column, lit(new BigDecimal(field.defaultValue()))
                        .cast(SparkSchemas.toDataType(field.type())));
            }
            columns.add(column.as(field.name()));
        }
        columns.add(lit(fileName).as(IngestTables.FILE));
        columns.add(lit(null).cast(DataTypes.LongType).as("_line"));
        return typed.select(columns.toArray(Column[]::new));
    }
}
