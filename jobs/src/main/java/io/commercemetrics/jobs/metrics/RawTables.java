package io.commercemetrics.jobs.metrics;

import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.TableIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the warehouse's raw tables as temp views named after their source, the input every
 * metric query reads, each at its current snapshot. A source never ingested (optional ones such as
 * order_lines or fx_rates) is an empty view with its contract columns, so queries need no special
 * case.
 */
public final class RawTables {

    private RawTables() {
    }

    /** @return the snapshot read of each source (null: never written), for the run record */
    public static Map<String, Long> register(SparkTables tables) {
        Map<String, Long> snapshots = new LinkedHashMap<>();
        for (TableSchema source : Sources.ALL) {
            snapshots.put(source.name(), tables.catalog().currentSnapshotId(TableIds.raw(source.name())));
        }
        register(tables, snapshots);
        return snapshots;
    }

    /** Registers each source at the snapshot given (as a restarted run reads what its first steps read). */
    public static void register(SparkTables tables, Map<String, Long> snapshots) {
        for (TableSchema source : Sources.ALL) {
            // cached: every metric query reads them, and a run's tables are many queries
            tables.read(TableIds.raw(source.name()), snapshots.get(source.name()), IngestTables.raw(source))
                    .cache().createOrReplaceTempView(source.name());
        }
    }
}
