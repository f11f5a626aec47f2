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

    /** The staged rejections of the only staged file of that name: its rejected rows, or its whole-file rejection. */
    static List<Map<String, String>> stagedQuarantine(Path warehouse, String source, String file) throws IOException {
        List<Map<String, String>> rows = readParquet(stagingFolder(warehouse, source, file).resolve(FileIngestor.QUARANTINED));
        rows.addAll(readParquet(stagingFolder(warehouse, source, file).resolve(FileIngestor.REJECTION)));
        return rows;
    }

    static List<Map<String, String>> stagedRows(Path warehouse, String source, String file) throws IOException {
        return readParquet(stagingFolder(warehouse, source, file).resolve(FileIngestor.ROWS));
    }

    /** staging/&lt;source&gt;/&lt;name&gt;@&lt;location hash&gt;/ of the one file of that name staged so far. */
    static Path stagingFolder(Path warehouse, String source, String file) throws IOException {
        Path dir = warehouse.resolve("staging").resolve(source);
        try (java.util.stream.Stream<Path> folders = Files.list(dir)) {
            List<Path> matching = folders.filter(p -> p.getFileName().toString().startsWith(file + "@")).toList();
            if (matching.size() != 1) {
                throw new IllegalStateException(matching.size() + " staging folders of " + file + " in " + dir);
            }
            return matching.get(0);
        }
    }

    /** What ingest writes as the file of a row: its canonical location. */
    static String location(Path file) throws IOException {
        return file.toRealPath().toString();
    }
}
