package io.commercemetrics.reports.web;

import io.commercemetrics.reports.Provenance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every report page shows of its provenance, from the {@link Provenance} the PDF prints: the
 * title block (period, the one-line summary, the warning) and the provenance section at the end
 * (the run's facts and the input files with their counts).
 */
public final class PageHeader {

    private PageHeader() {
    }

    /** The model values {@code title}, {@code period}, {@code summary}, {@code warning}, {@code facts}, {@code inputs}, {@code inputsNote}. */
    public static Map<String, Object> model(String title, Provenance provenance, String warning) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("period", "Period " + provenance.period().label() + ": " + provenance.period().start() + " to "
                + provenance.period().end());
        model.put("summary", provenance.summary());
        model.put("warning", warning == null ? List.of() : warning.lines().toList());
        List<Fact> facts = new java.util.ArrayList<>();
        if (provenance.restatedLine() != null) {
            // as the PDF's provenance says it: these figures replace ones published before
            facts.add(new Fact("Restated", provenance.restatedLine()));
        }
        facts.addAll(List.of(
                new Fact("Data through", provenance.run().dataEnd()),
                new Fact("Run id", provenance.run().runId()),
                new Fact("Computed at", provenance.computedAt()),
                new Fact("Commission rules", provenance.ruleVersions()),
                new Fact("Reporting time zone", provenance.run().reportingTimeZone()),
                new Fact("Reporting currency", provenance.currency())));
        model.put("facts", facts);
        model.put("inputs", WebTable.of(provenance.inputs().rows(), List.of(
                WebTable.Column.text("File", "file"), WebTable.Column.text("Source", "source"),
                WebTable.Column.number("Read", "read"), WebTable.Column.number("Accepted", "accepted"),
                WebTable.Column.number("Quarantined", "quarantined"), WebTable.Column.number("Superseded", "superseded"),
                WebTable.Column.number("Kept", "kept")), "The run record names no input files."));
        model.put("inputsNote", Provenance.INPUTS_NOTE);
        return model;
    }

    /** One line of the provenance: what, and its value. */
    public record Fact(String label, String value) {
    }
}
