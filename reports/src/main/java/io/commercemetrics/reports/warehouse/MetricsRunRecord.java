package io.commercemetrics.reports.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code metrics/_run.json}: what the metric tables in the warehouse were computed from. Reports
 * print it as their provenance; export takes the reporting currency from it.
 */
public record MetricsRunRecord(
        @JsonProperty("run_id") String runId,
        @JsonProperty("computed_at") String computedAt,
        @JsonProperty("data_end") String dataEnd,
        @JsonProperty("reporting_time_zone") String reportingTimeZone,
        @JsonProperty("reporting_currency") String reportingCurrency,
        @JsonProperty("rule_versions") List<String> ruleVersions,
        @JsonProperty("inputs") List<InputFile> inputs) {

    public record InputFile(@JsonProperty("source") String source, @JsonProperty("file") String file,
                            @JsonProperty("rows") long rows) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static MetricsRunRecord read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no metric tables at " + file.getParent() + ": run the metrics job first");
        }
        try {
            return JSON.readValue(file.toFile(), MetricsRunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (run the metrics job first)", e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
