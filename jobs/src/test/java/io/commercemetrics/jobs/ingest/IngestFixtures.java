package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.config.PipelineConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/** Tiny export files and readers of what ingest staged, for the ingest tests. */
final class IngestFixtures {

    static final String ORDERS_HEADER = "order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel";

    private IngestFixtures() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes);
    }

    static Path writeGzip(Path dir, String name, String text, Charset charset) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(charset));
        }
        return file;
    }

    static PipelineConfig config(String... overrides) {
        return ConfigLoader.defaults().withOverrides(List.of(overrides)).load();
    }

    static IngestRun run(Path input, Path warehouse, String runId, String... overrides) {
        return new IngestRun(new IngestOptions(List.of(input), warehouse, config(overrides), runId,
                line -> { }));
    }

    /** The rows of a Parquet file written by ingest, each as column name to its text. */
    static List<Map<String, String>> readParquet(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
            Group g;
            while ((g = reader.read()) != null) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < g.getType().getFieldCount(); i++) {
                    row.put(g.getType().getFieldName(i), g.getFieldRepetitionCount(i) == 0 ? null
                            : g.getValueToString(i, 0));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static List<Map<String, String>> stagedQuarantine(Path warehouse, String source, String file) throws IOException {
        return readParquet(warehouse.resolve("staging").resolve(source).resolve(file).resolve(FileIngestor.QUARANTINED));
    }

    static List<Map<String, String>> stagedRows(Path warehouse, String source, String file) throws IOException {
        return readParquet(warehouse.resolve("staging").resolve(source).resolve(file).resolve(FileIngestor.ROWS));
    }
}
