package io.commercemetrics.warehouse;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The name of every table of the warehouse in its Iceberg catalog: {@code raw.<source>} for the
 * accepted rows of each input source, {@code ingest.quarantine} for the rejected ones and
 * {@code metrics.<table>} for the metric tables. The one place that names them.
 */
public final class TableIds {

    public static final Namespace RAW = Namespace.of("raw");
    public static final Namespace INGEST = Namespace.of("ingest");
    public static final Namespace METRICS = Namespace.of("metrics");

    public static final TableIdentifier QUARANTINE = TableIdentifier.of(INGEST, "quarantine");
    /** The registry of ingested files: every version of every file that stands, or was rejected whole. */
    public static final TableIdentifier FILES = TableIdentifier.of(INGEST, "files");

    private TableIds() {
    }

    public static TableIdentifier raw(String source) {
        return TableIdentifier.of(RAW, source);
    }

    public static TableIdentifier metric(String table) {
        return TableIdentifier.of(METRICS, table);
    }
}
