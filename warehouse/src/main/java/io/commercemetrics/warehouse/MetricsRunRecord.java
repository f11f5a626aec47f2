package io.commercemetrics.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one complete metrics run computed and from what: the provenance every report prints, and
 * the snapshot of each table the run committed ({@code metric_snapshots}) and read
 * ({@code raw_snapshots}). Readers read exactly those snapshots, so they never see two runs'
 * tables mixed, and an earlier run can be read again after later ones. A snapshot id of null is a
 * table that was empty and never written.
 */
public record MetricsRunRecord(
        @JsonProperty("run_id") String runId,
        @JsonProperty("computed_at") String computedAt,
        @JsonProperty("data_end") String dataEnd,
        @JsonProperty("reporting_time_zone") String reportingTimeZone,
        @JsonProperty("reporting_currency") String reportingCurrency,
        @JsonProperty("rule_versions") List<String> ruleVersions,
        @JsonProperty("inputs") List<InputFile> inputs,
        @JsonProperty("metric_snapshots") Map<String, Long> metricSnapshots,
        @JsonProperty("raw_snapshots") Map<String, Long> rawSnapshots) {

    /**
     * One input file behind the raw tables, counted as the ingest summary counts it: {@code read} =
     * {@code accepted} + {@code quarantined}; {@code superseded} of the accepted rows are earlier
     * versions of orders that a newer version replaced; {@code rows} = {@code accepted} -
     * {@code superseded} are the rows the run read. A count that was not recorded (a run record of an
     * earlier version, or a figure the run could not recover) is null.
     *
     * @param file the file's location, as the raw tables' {@code _file} holds it
     */
    public record InputFile(@JsonProperty("source") String source, @JsonProperty("file") String file,
                            @JsonProperty("rows") long rows, @JsonProperty("read") Long read,
                            @JsonProperty("accepted") Long accepted, @JsonProperty("quarantined") Long quarantined,
                            @JsonProperty("superseded") Long superseded) {

        /** A file known only by the rows the run read (as run records before the other counts had them). */
        public InputFile(String source, String file, long rows) {
            this(source, file, rows, null, null, null, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MetricsRunRecord {
        ruleVersions = ruleVersions == null ? List.of() : List.copyOf(ruleVersions);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        metricSnapshots = metricSnapshots == null ? Map.of() : sorted(metricSnapshots);
        rawSnapshots = rawSnapshots == null ? Map.of() : sorted(rawSnapshots);
    }

    /** TreeMap keeps null values (an empty table) and a stable order in the JSON. */
    private static Map<String, Long> sorted(Map<String, Long> snapshots) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(snapshots));
    }

    public MetricsRunRecord withSnapshots(Map<String, Long> metrics, Map<String, Long> raw) {
        return new MetricsRunRecord(runId, computedAt, dataEnd, reportingTimeZone, reportingCurrency, ruleVersions,
                inputs, metrics, raw);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run record of " + runId, e);
        }
    }

    public static MetricsRunRecord fromJson(String json) {
        try {
            return JSON.readValue(json, MetricsRunRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metrics run record: " + e.getOriginalMessage(), e);
        }
    }
}
