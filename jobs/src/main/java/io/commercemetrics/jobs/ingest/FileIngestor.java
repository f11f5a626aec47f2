package io.commercemetrics.jobs.ingest;

import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.TypedParquetWriter;
import io.commercemetrics.warehouse.AtomicPublisher;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Reads one export file into its staging folder: accepted typed rows to {@code rows.parquet},
 * rejected ones (or the one whole-file rejection) to {@code quarantine.parquet}. Streams: memory
 * does not grow with the file. The folder is built aside and swapped in, so a failed or
 * interrupted read leaves what the file brought before.
 */
final class FileIngestor {

    static final String ROWS = "rows.parquet";
    static final String QUARANTINED = "quarantine.parquet";
    /** The quarantine entry of the newest version of the file when it was rejected whole. */
    static final String REJECTION = "rejection.parquet";

    private final ExportFile file;
    private final TableSchema schema;
    private final String encoding;
    private final ZoneId sourceZone;
    private final String runId;
    /** The run's records and bytes read, shared by the files read in parallel (progress). */
    private final ReadProgress reading;
    /** This file's bytes counted into {@link #reading} so far. */
    private final LongAdder bytesCounted = new LongAdder();
    private final Map<String, Long> reasons = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long read;
    private long accepted;
    private long quarantined;

    FileIngestor(ExportFile file, String encoding, ZoneId sourceZone, String runId, ReadProgress reading) {
        this.reading = reading;
        this.file = file;
        this.schema = Sources.byName(file.source()).orElseThrow();
        this.encoding = encoding;
        this.sourceZone = sourceZone;
        this.runId = runId;
    }

    /** The settings that change how bytes become rows: a change means the file must be read again. */
    static String readSettings(String encoding, ZoneId sourceZone) {
        return "encoding=" + (encoding == null ? "" : encoding) + ";source-time-zone=" + sourceZone.getId();
    }

    /**
     * Stages the file into {@code target} and returns its counts. A file read successfully replaces
     * what the folder held; a file rejected whole removes nothing: its one quarantine entry is put
     * beside the rows of the version before it ({@link #REJECTION}), which stay.
     */
    FileResult stage(Path target, String sha256, FileResult.Change change) throws IOException {
        long start = System.nanoTime();
        String rejection = ExportInput.unreadable(file);
        if (rejection == null) {
            Path work = target.resolveSibling("." + target.getFileName() + "." + runId + ".tmp");
            AtomicPublisher.deleteRecursively(work);
            Files.createDirectories(work);
            try {
                readInto(work);
                AtomicPublisher.publish(work, target);
            } catch (FileRejectedException e) {
                rejection = e.reason();
                AtomicPublisher.deleteRecursively(work);
            }
        }
        // what was not counted as it was read (Parquet, a file rejected early) counts as done now
        reading.bytesRead(Math.max(0, ExportInput.sizeOnDisk(file) - bytesCounted.sum()));
        if (rejection != null) {
            recordRejection(target, rejection);
            read = 0;
            accepted = 0;
            quarantined = 0;
            reasons.clear();
            reasons.put("file rejected: " + rejection, 1L);
        }
        return new FileResult(file.source(), file.name(), file.location().toString(), sha256, change, read,
                accepted, quarantined, 0, reasons, warnings, rejection, null, (System.nanoTime() - start) / 1_000_000);
    }

    /** Removes a rejection recorded beside the staged rows (the file is back to the version that stands). */
    static void clearRejection(Path target) throws IOException {
        Files.deleteIfExists(target.resolve(REJECTION));
    }

    private void recordRejection(Path target, String rejection) throws IOException {
        Object[] entry = {file.source(), file.location().toString(), null, null, "file rejected: " + rejection, runId};
        if (Files.isRegularFile(target.resolve(ROWS))) {
            // an earlier version stands: keep its rows and quarantine, add the rejection beside them
            Path aside = target.resolve("." + REJECTION + "." + runId + ".tmp");
            Files.deleteIfExists(aside);
            try (TypedParquetWriter q = new TypedParquetWriter(aside, IngestTables.QUARANTINE)) {
                q.write(entry);
            }
            Files.move(aside, target.resolve(REJECTION), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // nothing read from this file stands: the folder holds the rejection alone
        Path work = target.resolveSibling("." + target.getFileName() + "." + runId + ".tmp");
        AtomicPublisher.deleteRecursively(work);
        Files.createDirectories(work);
        try (TypedParquetWriter q = new TypedParquetWriter(work.resolve(REJECTION), IngestTables.QUARANTINE)) {
            q.write(entry);
        }
        AtomicPublisher.publish(work, target);
    }

    private void readInto(Path work) throws IOException, FileRejectedException {
        Charset charset = StandardCharsets.UTF_8;
        Path gunzipped = null;
        TypedParquetWriter quarantine = null;
        try {
            charset = file.format() == ExportFormat.PARQUET ? charset : ExportInput.charsetOf(file, encoding);
            charset = file.platform() != null ? file.platform().charset() : charset;
            if (file.format() == ExportFormat.PARQUET && file.gzip()) {
                // Parquet needs random access: unpack a .parquet.gz beside the work first
                gunzipped = work.resolve("export.parquet");
                try (InputStream in = ExportInput.openBytes(file)) {
                    Files.copy(in, gunzipped);
                }
            }
            RowValidator validator = new RowValidator(schema, sourceZone);
            TableSchema staged = IngestTables.staged(schema);
            int n = schema.fields().size();
            Object[] row = new Object[n + 3];
            row[n] = file.location().toString();
            try (ExportRecords records = open(charset, gunzipped);
                 TypedParquetWriter rows = new TypedParquetWriter(work.resolve(ROWS), staged)) {
                while (records.next()) {
                    read++;
                    reading.rowRead();
                    String problem = records.problem();
                    if (problem == null && validator.validate(records.values())) {
                        System.arraycopy(validator.typed(), 0, row, 0, n);
                        row[n + 1] = records.line();
                        row[n + 2] = records.raw();
                        rows.write(row);
                        accepted++;
                        continue;
                    }
                    List<String> details = new ArrayList<>();
                    if (problem != null) {
                        details.add(problem);
                        count(problem.startsWith("has ") ? "wrong number of fields"
                                : problem.contains(":") ? problem.substring(0, problem.indexOf(':')) : problem);
                    } else {
                        for (RowValidator.Reason reason : validator.reasons()) {
                            details.add(reason.detail());
                            count(reason.kind());
                        }
                    }
                    if (quarantine == null) {
                        quarantine = new TypedParquetWriter(work.resolve(QUARANTINED), IngestTables.QUARANTINE);
                    }
                    quarantine.write(new Object[] {file.source(), file.location().toString(), records.line(), records.raw(),
                            String.join("; ", details), runId});
                    quarantined++;
                }
                if (read == 0) {
                    // valid, but worth a word: a re-export that lost its rows replaces the earlier ones by none
                    warnings.add("the file has a header but no rows");
                }
                if (!records.unknownColumns().isEmpty()) {
                    warnings.add("unknown columns ignored: " + String.join(", ", records.unknownColumns()));
                }
            }
            long[] offsetless = validator.offsetlessCounts();
            for (int i = 0; i < n; i++) {
                if (offsetless[i] > 0) {
                    Field f = schema.fields().get(i);
                    warnings.add(offsetless[i] + " " + f.name() + " values without an offset, read in "
                            + sourceZone.getId());
                }
            }
        } catch (IOException e) {
            throw ExportInput.rejection(file, charset, encoding, e);
        } finally {
            if (quarantine != null) {
                quarantine.close();
            }
            if (gunzipped != null) {
                Files.deleteIfExists(gunzipped);
            }
        }
    }

    private ExportRecords open(Charset charset, Path gunzipped) throws IOException {
        if (file.platform() != null) {
            return new PlatformExportRecords(file.platform(), ExportInput.openText(file, charset, this::counted),
                    schema.fields().size());
        }
        return switch (file.format()) {
            case CSV -> new CsvExportRecords(ExportInput.openText(file, charset, this::counted), schema);
            case JSONL -> new JsonLinesExportRecords(ExportInput.openText(file, charset, this::counted), schema);
            case PARQUET -> new ParquetExportRecords(gunzipped != null ? gunzipped : file.path(), schema);
        };
    }

    private void counted(long bytes) {
        bytesCounted.add(bytes);
        reading.bytesRead(bytes);
    }

    private void count(String kind) {
        reasons.merge(kind, 1L, Long::sum);
    }

    static String describeReasons(Map<String, Long> reasons) {
        return reasons.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
