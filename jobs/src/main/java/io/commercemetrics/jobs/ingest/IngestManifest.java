package io.commercemetrics.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** manifests/ingest-&lt;yyyyMMdd-HHmmss&gt;-&lt;runId&gt;.json: what a run read, found and wrote. */
final class IngestManifest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final IngestOptions options;
    private final IngestSummary summary;
    private final Instant startedAt;
    private final long millis;

    IngestManifest(IngestOptions options, IngestSummary summary, Instant startedAt, long millis) {
        this.options = options;
        this.summary = summary;
        this.startedAt = startedAt;
        this.millis = millis;
    }

    Path write(String configYaml) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", "ingest");
        doc.put("run_id", summary.runId());
        doc.put("started_at", startedAt.toString());
        doc.put("duration_ms", millis);
        doc.put("parameters", Map.of(
                "inputs", options.inputs().stream().map(Path::toString).toList(),
                "warehouse", options.warehouse().toString(),
                "source_time_zone", options.config().source().timeZone().getId(),
                // no encoding configured means strict UTF-8
                "encoding", Objects.requireNonNullElse(options.config().source().encoding(), "UTF-8"),
                "reporting_time_zone", options.config().reporting().timeZone().getId()));
        doc.put("files", summary.files().stream().map(IngestManifest::file).toList());
        doc.put("sources", summary.sources().stream().map(s -> Map.of("source", s.source(), "duration_ms", s.millis(),
                "rows_read", s.rowsReadNow(), "rows_per_second", Math.round(s.rowsPerSecond()))).toList());
        doc.put("rows_read", summary.rowsRead());
        doc.put("rows_accepted", summary.accepted());
        doc.put("rows_quarantined", summary.quarantined());
        doc.put("files_rejected", summary.rejectedFiles());
        // named one sentence each, as in the summary: what replaced what, what was rejected and what kept
        doc.put("replacements", summary.files().stream().filter(f -> !f.rejected() && f.outcome() != null)
                .map(FileResult::outcome).toList());
        doc.put("rejections", summary.files().stream().filter(FileResult::rejected)
                .map(f -> f.outcome(f.provenance())).toList());
        doc.put("notices", summary.notices());
        CrossFileResult cross = summary.crossFile();
        if (cross != null) {
            doc.put("raw_rows", cross.rawRows());
            doc.put("quarantine_rows", cross.quarantineRows());
            doc.put("reporting_currency", cross.reportingCurrency());
            doc.put("warnings", cross.warnings());
            doc.put("cross_file_duration_ms", cross.millis());
        }
        doc.put("config_yaml", configYaml);
        Path dir = options.warehouse().resolve("manifests");
        Path out = dir.resolve("ingest-" + STAMP.format(startedAt) + "-" + summary.runId() + ".json");
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + out.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), doc);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ingest manifest " + out, e);
        }
    }

    private static Map<String, Object> file(FileResult f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", f.source());
        m.put("file", f.file());
        m.put("path", f.provenance());
        m.put("sha256", f.sha256());
        m.put("change", f.change().name().toLowerCase());
        m.put("rows_read", f.rowsRead());
        m.put("accepted", f.accepted());
        m.put("quarantined", f.quarantined());
        m.put("superseded_versions", f.superseded());
        m.put("reasons", f.reasons());
        m.put("warnings", f.warnings());
        m.put("rejection", f.rejection());
        if (f.predecessor() != null) {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("rows", f.predecessor().rows());
            before.put("staged_at", f.predecessor().stagedAt());
            m.put(f.rejected() ? "kept" : "replaced", before);
        }
        m.put("duration_ms", f.millis());
        return m;
    }

}
