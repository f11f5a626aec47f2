package io.commercemetrics.reports;

import io.commercemetrics.reports.finance.Payday;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the CLI asks the renderer for.
 *
 * @param tables        the metrics run to report from: its tables at its snapshots
 * @param outFolder     where {@code <period>/...} and {@code index.html} go, e.g. {@code var/reports}
 * @param period        a month {@code 2026-10}, an ISO week {@code 2026-W40}, or {@code latest}: the
 *                      latest complete week and month (ending on or before the data end)
 * @param kind          management, finance or all (finance exists for months only)
 * @param progress      receives one line per step, for the console
 * @param payday        when a month's payouts fall due (configuration {@code commission.payday})
 */
public record ReportRequest(WarehouseTables tables, Path outFolder, String period, ReportKind kind,
                            Consumer<String> progress, Payday payday) {

    public static final String LATEST = "latest";

    public ReportRequest {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(outFolder, "outFolder");
        period = period == null || period.isBlank() ? LATEST : period.trim();
        kind = kind == null ? ReportKind.all : kind;
        progress = progress == null ? line -> { } : progress;
        payday = payday == null ? Payday.DEFAULT : payday;
    }

    /** A request with the default payday, the 5th of the next month. */
    public ReportRequest(WarehouseTables tables, Path outFolder, String period, ReportKind kind,
                         Consumer<String> progress) {
        this(tables, outFolder, period, kind, progress, null);
    }
}
