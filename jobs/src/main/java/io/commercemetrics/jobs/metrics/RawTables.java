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
            Long snapshot = tables.catalog().currentSnapshotId(TableIds.raw(source.name()));
            snapshots.put(source.name(), snapshot);
            tables.read(TableIds.raw(source.name()), snapshot, IngestTables.raw(source))
                    .createOrReplaceTempView(source.name());
        }
        return snapshots;
    }
}
