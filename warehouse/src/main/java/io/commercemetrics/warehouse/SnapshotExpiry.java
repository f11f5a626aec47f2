package io.commercemetrics.warehouse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.FileIO;

/**
 * Removes old snapshots of every warehouse table and the files only they used. Never removed: a
 * table's current snapshot, a snapshot a tag points to (a closed period), and the snapshots the
 * latest complete metrics run read and wrote, which are tagged {@value #LATEST_RUN_TAG} first so
 * that the latest run can always be read again.
 */
public final class SnapshotExpiry {

    public static final String LATEST_RUN_TAG = "latest-run";

    /** What was removed. */
    public record Freed(int snapshots, long files, long bytes) {
    }

    private final WarehouseCatalog catalog;

    public SnapshotExpiry(WarehouseCatalog catalog) {
        this.catalog = catalog;
    }

    public Freed expireOlderThan(Instant cutoff) {
        Optional<MetricsRunRecord> latest = new RunRecords(catalog).latest();
        latest.ifPresent(this::tagLatestRun);
        int snapshots = 0;
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        for (TableIdentifier id : catalog.listTables()) {
            Table table = catalog.load(id).orElseThrow();
            int before = size(table.snapshots());
            FileIO io = table.io();
            table.expireSnapshots()
                    .expireOlderThan(cutoff.toEpochMilli())
                    .retainLast(1)
                    .deleteWith(path -> {
                        bytes.addAndGet(length(io, path));
                        files.incrementAndGet();
                        io.deleteFile(path);
                    })
                    .commit();
            table.refresh();
            snapshots += before - size(table.snapshots());
        }
        return new Freed(snapshots, files.get(), bytes.get());
    }

    private void tagLatestRun(MetricsRunRecord run) {
        tag(run.metricSnapshots(), TableIds.METRICS);
        tag(run.rawSnapshots(), TableIds.RAW);
    }

    private void tag(Map<String, Long> snapshots, org.apache.iceberg.catalog.Namespace namespace) {
        for (Map.Entry<String, Long> entry : snapshots.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            catalog.load(TableIdentifier.of(namespace, entry.getKey())).ifPresent(table -> {
                if (table.snapshot(entry.getValue()) == null) {
                    return;
                }
                SnapshotRef existing = table.refs().get(LATEST_RUN_TAG);
                if (existing == null) {
                    table.manageSnapshots().createTag(LATEST_RUN_TAG, entry.getValue()).commit();
                } else if (existing.snapshotId() != entry.getValue()) {
                    table.manageSnapshots().replaceTag(LATEST_RUN_TAG, entry.getValue()).commit();
                }
            });
        }
    }

    private static long length(FileIO io, String path) {
        try {
            return io.newInputFile(path).getLength();
        } catch (RuntimeException gone) {
            return 0;
        }
    }

    private static int size(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
