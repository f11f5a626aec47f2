package io.commercemetrics.jobs.ingest;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the registry of ingested files ({@code ingest.files}) says of the files whose rows stand in
 * the raw tables, for readers outside ingest (the metrics run's provenance).
 */
public final class StagedFiles {

    private StagedFiles() {
    }

    /**
     * The rows read from each file whose rows stand (the version that was read, not a later version
     * rejected whole), by {@code source/location} as the raw tables' {@code _source_file} names it;
     * empty for a warehouse whose ingest published no registry.
     */
    public static Map<String, Long> rowsRead(WarehouseCatalog catalog) {
        Map<String, Long> read = new LinkedHashMap<>();
        if (catalog.load(TableIds.FILES).isEmpty()) {
            return read;
        }
        List<String> columns = IngestTables.FILES.fields().stream().map(Field::name).toList();
        int source = columns.indexOf("source");
        int file = columns.indexOf("file");
        int rowsRead = columns.indexOf("rows_read");
        int rejection = columns.indexOf("rejection");
        for (Object[] row : new TableReader(catalog).readCurrent(TableIds.FILES, IngestTables.FILES)) {
            if (row[rejection] == null) {
                read.put(key((String) row[source], (String) row[file]), (Long) row[rowsRead]);
            }
        }
        return read;
    }

    /** The key of {@link #rowsRead}: a source and a file's location. */
    public static String key(String source, String location) {
        return CrossFileResult.key(source, location);
    }
}
