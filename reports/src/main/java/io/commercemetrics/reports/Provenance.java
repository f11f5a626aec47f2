package io.commercemetrics.reports;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.restatement.RestatementNotice;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance every report prints: data through which date, run id, commission rule versions,
 * reporting zone and currency, the input files with their row counts, and what is incomplete; and
 * when the report's figures replace figures published before, which run restated them.
 * The one place that says how the run's facts read in a report (file names, the local time).
 *
 * @param restated the restatement the report's figures come from, or null when none
 */
public record Provenance(MetricsRunRecord run, ReportPeriod period, RestatementNotice restated) {

    /** A run's facts alone: no restatement known. */
    public Provenance(MetricsRunRecord run, ReportPeriod period) {
        this(run, period, null);
    }

    /** The provenance of one report of a period, with the restatement its figures come from, if any. */
    public static Provenance of(WarehouseTables tables, ReportPeriod period, ReportKind report) {
        return new Provenance(tables.run(), period, RestatementNotice.find(tables, period, report).orElse(null));
    }

    /** The restatement line of the provenance block, or null when the figures replace none published before. */
    public String restatedLine() {
        return restated == null ? null : restated.line();
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final String INPUTS_NOTE = "As the ingest counted them: read = accepted + quarantined; superseded = accepted "
            + "rows of an order that a newer version of it replaced; kept = accepted - superseded, the rows the "
            + "metrics read. A dash: not recorded by this run.";

    public LocalDate dataEnd() {
        return LocalDate.parse(run.dataEnd());
    }

    public String currency() {
        return run.reportingCurrency();
    }

    public String ruleVersions() {
        List<String> versions = run.ruleVersions();
        return versions == null || versions.isEmpty() ? Figures.NONE : String.join(", ", versions);
    }

    /** The line under every report title. */
    public String summary() {
        return "Data through " + run.dataEnd() + " · run " + run.runId() + " · commission rules "
                + ruleVersions() + " · time zone " + run.reportingTimeZone() + " · currency " + currency();
    }

    /**
     * Said on the first page: the period reaches past the data end, or tables the report needs
     * were not computed; null when all is well.
     */
    public String warning(java.util.Collection<String> missingTables) {
        List<String> warnings = new java.util.ArrayList<>();
        if (!period.isCompleteBy(dataEnd())) {
            warnings.add("Incomplete period: the data ends on " + run.dataEnd() + ", before the period's last day "
                    + period.end() + ". Every figure of this period may still grow.");
        }
        if (!missingTables.isEmpty()) {
            warnings.add("Not computed in this warehouse: " + String.join(", ", missingTables)
                    + ". Their sections are empty; run the metrics job.");
        }
        return warnings.isEmpty() ? null : String.join("\n", warnings);
    }

    /**
     * One row per input file, counted as the ingest summary counts it (read, accepted, quarantined,
     * superseded) and the rows kept for the metrics; a count the run did not record reads as a dash.
     */
    public SectionRows inputs() {
        SectionRows rows = new SectionRows();
        for (MetricsRunRecord.InputFile input : run.inputs()) {
            rows.add("file", fileLabel(input), "source", input.source(), "read", Figures.count(input.read()),
                    "accepted", Figures.count(input.accepted()), "quarantined", Figures.count(input.quarantined()),
                    "superseded", Figures.count(input.superseded()), "kept", Figures.count(input.rows()));
        }
        return rows;
    }

    /**
     * How an input file is named in a report: its file name, not the folders of the machine that
     * ingested it; with its folder's name when another input has the same name.
     */
    public String fileLabel(MetricsRunRecord.InputFile input) {
        String name = lastSegment(input.file());
        long sameName = run.inputs().stream().filter(other -> lastSegment(other.file()).equals(name)).count();
        if (sameName < 2) {
            return name;
        }
        String location = trimSeparators(input.file());
        String folder = lastSegment(location.substring(0, Math.max(0, location.length() - name.length())));
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The last name of a path or URI ({@code /data/orders.csv}, {@code s3a://bucket/orders.csv}, {@code C:\\x\\orders.csv}). */
    static String lastSegment(String location) {
        String trimmed = trimSeparators(location == null ? "" : location);
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }

    private static String trimSeparators(String location) {
        String trimmed = location;
        while (trimmed.endsWith("/") || trimmed.endsWith("\\")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** When the run was computed, in the reporting time zone, or null when the record does not say. */
    public LocalDateTime computedAtLocal() {
        return run.computedAt() == null ? null
                : Instant.parse(run.computedAt()).atZone(ZoneId.of(run.reportingTimeZone())).toLocalDateTime();
    }

    /** {@code 2026-11-04 09:02 (Asia/Shanghai)}: local time to the minute, as a reader tells the time. */
    public String computedAt() {
        LocalDateTime local = computedAtLocal();
        return local == null ? null : MINUTE.format(local) + " (" + run.reportingTimeZone() + ")";
    }

    /** The parameters every master template shares, but the warning (known once the tables are read). */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Period", period.label());
        parameters.put("PeriodRange", period.start() + " to " + period.end());
        parameters.put("DataEnd", run.dataEnd());
        parameters.put("RunId", run.runId());
        parameters.put("ComputedAt", computedAt());
        parameters.put("RuleVersions", ruleVersions());
        parameters.put("TimeZone", run.reportingTimeZone());
        parameters.put("Currency", currency());
        parameters.put("ProvenanceLine", summary());
        parameters.put("InputRows", inputs().dataSource());
        parameters.put("InputsNote", INPUTS_NOTE);
        parameters.put("Restated", restatedLine());
        return parameters;
    }
}
