package io.commercemetrics.jobs.metrics.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers the two views the ledger produces before the analytics run ({@code order_attribution},
 * {@code commission_lines}) from a golden case's {@code <table>.csv}, typed by their
 * {@link MetricTables} schema; a missing file is an empty view.
 */
final class LedgerInputs {

    private static final List<TableSchema> TABLES = List.of(MetricTables.ORDER_ATTRIBUTION, MetricTables.COMMISSION_LINES);

    private LedgerInputs() {
    }

    static void register(SparkSession spark, Path caseDir) {
        for (TableSchema table : TABLES) {
            Path file = caseDir.resolve(table.name() + ".csv");
            Dataset<Row> typed = Files.exists(file)
                    ? typed(spark.read().option("header", "true").option("mode", "FAILFAST").csv(file.toString()), table)
                    : spark.createDataFrame(List.of(), SparkSchemas.toStructType(table));
            typed.createOrReplaceTempView(table.name());
        }
    }

    private static Dataset<Row> typed(Dataset<Row> text, TableSchema table) {
        List<String> present = List.of(text.columns());
        Column[] columns = new Column[table.fields().size()];
        for (int i = 0; i < columns.length; i++) {
            Field field = table.fields().get(i);
            Column value = present.contains(field.name()) ? col(field.name()) : lit(null).cast(DataTypes.StringType);
            Column typedValue = field.type() == FieldType.TIMESTAMP
                    ? to_timestamp(value)
                    : value.cast(SparkSchemas.toDataType(field.type()));
            columns[i] = typedValue.as(field.name());
        }
        return text.select(columns);
    }
}
