package io.commercemetrics.jobs.ingest;

import java.util.Map;

/** Renders an {@link IngestSummary} as the plain-text table the CLI prints. */
public final class IngestSummaryTable {

    private IngestSummaryTable() {
    }

    public static String render(IngestSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append("Ingest run ").append(summary.runId()).append('\n');
        String format = "%-13s %-34s %-9s %10s %10s %11s%n";
        out.append(String.format(format, "source", "file", "change", "read", "accepted", "quarantined"));
        for (FileResult f : summary.files()) {
            out.append(String.format(format, f.source(), shorten(f.file(), 34),
                    f.rejected() ? "REJECTED" : f.change().name().toLowerCase(),
                    f.rowsRead(), f.accepted(), f.quarantined()));
            if (f.rejected()) {
                out.append("    file rejected: ").append(f.rejection()).append('\n');
            }
            for (Map.Entry<String, Long> r : f.reasons().entrySet()) {
                if (!f.rejected()) {
                    out.append("    ").append(r.getValue()).append(" x ").append(r.getKey()).append('\n');
                }
            }
            if (f.superseded() > 0) {
                out.append("    ").append(f.superseded()).append(" older order versions replaced by newer ones\n");
            }
            f.warnings().forEach(w -> out.append("    warning: ").append(w).append('\n'));
        }
        out.append(String.format(format, "total", "", "", summary.rowsRead(), summary.accepted(),
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

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
