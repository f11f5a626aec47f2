package io.commercemetrics.jobs.metrics;

import io.commercemetrics.jobs.ingest.IngestTables;
import io.commercemetrics.jobs.warehouse.Warehouse;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the warehouse's raw tables as temp views named after their source, the input every
 * metric query reads. A source never ingested (optional ones such as order_lines or fx_rates) is an
 * empty view with its contract columns, so queries need no special case.
 */
public final class RawTables {

    private RawTables() {
    }

    public static void register(SparkSession spark, Warehouse warehouse) {
        for (TableSchema source : Sources.ALL) {
            Dataset<Row> table = Files.isDirectory(warehouse.raw(source.name()))
                    ? spark.read().parquet(warehouse.raw(source.name()).toString())
                    : empty(spark, source);
            table.createOrReplaceTempView(source.name());
        }
    }

    static Dataset<Row> empty(SparkSession spark, TableSchema source) {
        return spark.createDataFrame(List.of(), SparkSchemas.toStructType(IngestTables.raw(source)));
    }
}
