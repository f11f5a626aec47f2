package io.commercemetrics.reports;

import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableWriter;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a warehouse by hand, without Spark, as the metrics job leaves it: Iceberg tables in the
 * warehouse's embedded catalog and a published run record naming their snapshots. Values may be
 * given loosely (decimals as text, any number for INT and LONG) and are converted to the contract.
 */
final class TableFixtures {

    private final WarehouseCatalog catalog;
    private final TableWriter writer;
    private final Map<String, Long> metrics = new LinkedHashMap<>();
    private final Map<String, Long> raw = new LinkedHashMap<>();

    TableFixtures(Path warehouse) {
        this.catalog = open(warehouse);
        this.writer = new TableWriter(catalog);
    }

    static WarehouseCatalog open(Path warehouse) {
        return WarehouseCatalog.openEmbedded(new Warehouse(warehouse));
    }

    void metric(TableSchema table, List<Object[]> rows) {
        metrics.put(table.name(), writer.replace(TableIds.metric(table.name()), table, typed(table, rows)));
    }

    /** @param rows the source's columns, then {@code _file} and {@code _line} */
    void raw(TableSchema source, List<Object[]> rows) {
        TableSchema shape = IngestTables.raw(source);
        raw.put(source.name(), writer.replace(TableIds.raw(source.name()), shape, typed(shape, rows)));
    }

    /**
     * Publishes the run with the snapshots written so far (a table not written again since the last
     * publish keeps its snapshot, as a raw table no ingest touched); the catalog stays open for the
     * tables returned, which know the runs published before.
     */
    WarehouseTables publish(MetricsRunRecord run) {
        MetricsRunRecord record = run.withSnapshots(metrics, raw);
        new RunRecords(catalog).publish(record);
        return WarehouseTables.of(catalog, record.runId());
    }

    WarehouseCatalog catalog() {
        return catalog;
    }

    private static List<Object[]> typed(TableSchema table, List<Object[]> rows) {
        List<Object[]> typed = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] values = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = value(table.fields().get(i), row[i]);
            }
            typed.add(values);
        }
        return typed;
    }

    private static Object value(Field field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case INT -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case DECIMAL, RATIO -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            default -> value;
        };
    }
}
