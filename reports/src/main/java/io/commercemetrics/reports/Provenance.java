package io.commercemetrics.reports;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance every report prints: data through which date, run id, commission rule versions,
 * reporting zone and currency, the input files with their row counts, and what is incomplete.
 */
public record Provenance(MetricsRunRecord run, ReportPeriod period) {

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

    public SectionRows inputs() {
        SectionRows rows = new SectionRows();
        if (run.inputs() != null) {
            for (MetricsRunRecord.InputFile input : run.inputs()) {
                rows.add("section", "Input files", "label", input.file() + " (" + input.source() + ")",
                        "value", Figures.count(input.rows()) + " rows", "note", null);
            }
        }
        return rows;
    }

    /** The parameters every master template shares, but the warning (known once the tables are read). */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Period", period.label());
        parameters.put("PeriodRange", period.start() + " to " + period.end());
        parameters.put("DataEnd", run.dataEnd());
        parameters.put("RunId", run.runId());
        parameters.put("ComputedAt", run.computedAt());
        parameters.put("RuleVersions", ruleVersions());
        parameters.put("TimeZone", run.reportingTimeZone());
        parameters.put("Currency", currency());
        parameters.put("ProvenanceLine", summary());
        parameters.put("InputRows", inputs().dataSource());
        return parameters;
    }
}
