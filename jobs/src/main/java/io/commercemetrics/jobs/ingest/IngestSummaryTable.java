package io.commercemetrics.jobs.ingest;

import io.commercemetrics.reports.format.TerminalText;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders an {@link IngestSummary} as the plain-text table the CLI prints. */
public final class IngestSummaryTable {

    private static final int FILE_COLUMNS = 34;

    private IngestSummaryTable() {
    }

    public static String render(IngestSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append("Ingest run ").append(summary.runId()).append('\n');
        // the file column is padded by display width, not by chars: a CJK name takes two columns a character
        String format = "%-13s %s %-9s %10s %10s %11s%n";
        out.append(String.format(format, "source", TerminalText.fit("file", FILE_COLUMNS), "change", "read",
                "accepted", "quarantined"));
        Map<String, Long> byName = summary.files().stream()
                .collect(Collectors.groupingBy(FileResult::file, Collectors.counting()));
        for (FileResult f : summary.files()) {
            out.append(String.format(format, f.source(), TerminalText.fit(label(f, byName), FILE_COLUMNS),
                    f.rejected() ? "REJECTED" : f.change().name().toLowerCase(),
                    f.rowsRead(), f.accepted(), f.quarantined()));
            if (byName.get(f.file()) > 1 || f.rejected()) {
                // which of the same-named files, or which file to fix: the full location
                out.append("    at ").append(f.provenance()).append('\n');
            }
            if (f.outcome() != null) {
                out.append("    ").append(f.outcome()).append('\n');
            }
            if (!f.rejected()) {
                // the commonest reason first, ties in the order of their text
                f.reasons().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(r -> out.append("    ").append(r.getValue()).append(" x ").append(r.getKey())
                                .append('\n'));
            }
            if (f.superseded() > 0) {
                out.append("    ").append(f.superseded()).append(" older order versions replaced by newer ones\n");
            }
            f.warnings().forEach(w -> out.append("    warning: ").append(w).append('\n'));
        }
        out.append(String.format(format, "total", TerminalText.fit("", FILE_COLUMNS), "", summary.rowsRead(), summary.accepted(),
                summary.quarantined()));
        for (SourceResult s : summary.sources()) {
            if (s.rowsReadNow() > 0) {
                // with the time beside it: on small files the rate is mostly start-up cost, not throughput
                out.append(String.format("%-13s %,10d rows in %6.2f s  %,12.0f rows/s%n", s.source(),
                        s.rowsReadNow(), s.millis() / 1000.0, s.rowsPerSecond()));
            }
        }
        summary.notices().forEach(n -> out.append("note: ").append(n).append('\n'));
        if (summary.crossFile() != null) {
            summary.crossFile().warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
            out.append("warehouse: ");
            summary.crossFile().rawRows().forEach((t, n) -> out.append(t).append('=').append(n).append(' '));
            out.append("quarantine=").append(summary.crossFile().quarantineRows()).append('\n');
        }
        return out.toString();
    }

    /** The name, with its folder's name when another file of this run has the same name. */
    private static String label(FileResult f, Map<String, Long> byName) {
        if (byName.get(f.file()) == 1 || f.path() == null) {
            return f.file();
        }
        Path parent = Path.of(f.path()).getParent();
        return parent == null || parent.getFileName() == null ? f.file() : parent.getFileName() + "/" + f.file();
    }
}
