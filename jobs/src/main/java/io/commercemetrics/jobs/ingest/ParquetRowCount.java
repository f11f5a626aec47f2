package io.commercemetrics.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/** Counts a written table's rows from its Parquet footers: no Spark job, no data pages read. */
final class ParquetRowCount {

    private ParquetRowCount() {
    }

    static long of(Path tableDir) throws IOException {
        long rows = 0;
        try (Stream<Path> files = Files.list(tableDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                    rows += reader.getRecordCount();
                }
            }
        }
        return rows;
    }
}
