package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.restatement.FigureChange.Status;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * What changed between two metrics runs: every headline figure and statement amount that differs
 * (or exists in one run only), with both values as stored and the reasons the run records give:
 * the input files new, replaced or gone since the earlier run, and the recorded settings changed.
 * Read from both runs' tables at their snapshots, without Spark.
 *
 * @param previous the earlier run's record
 * @param current  the new run's record
 * @param inputs   the input files that changed, as {@link InputChange} tells them
 * @param settings the recorded settings that changed
 * @param figures  the figures that differ, in reading order (period, figure, sharer, currency)
 */
public record Restatement(MetricsRunRecord previous, MetricsRunRecord current, List<InputChange> inputs,
                          List<SettingChange> settings, List<FigureChange> figures) {

    public Restatement {
        inputs = List.copyOf(inputs);
        settings = List.copyOf(settings);
        figures = List.copyOf(figures);
    }

    /**
     * The one entry point for the metrics job: what run {@code runId} changed against run
     * {@code previousRunId}, both read from the warehouse's catalog.
     *
     * @throws IllegalArgumentException naming a run the warehouse does not have
     */
    public static Restatement between(WarehouseCatalog catalog, String previousRunId, String runId) {
        return between(WarehouseTables.of(catalog, previousRunId), WarehouseTables.of(catalog, runId));
    }

    /**
     * What run {@code runId} changed against the run published just before it; empty for the
     * warehouse's first run, which restates nothing.
     */
    public static Optional<Restatement> sincePreviousRun(WarehouseCatalog catalog, String runId) {
        WarehouseTables current = WarehouseTables.of(catalog, runId);
        return current.earlierRuns().stream().findFirst()
                .map(previous -> between(current.earlierRun(previous), current));
    }

    /** Every figure of every week and month of the two runs compared. */
    public static Restatement between(WarehouseTables previous, WarehouseTables current) {
        return compare(previous.run(), current.run(), RunFigures.all(previous), RunFigures.all(current));
    }

    /** Only the figures one report of one period shows (what its provenance says about them). */
    static Restatement ofReport(WarehouseTables previous, WarehouseTables current, ReportPeriod period,
                                ReportKind report) {
        return compare(previous.run(), current.run(), RunFigures.of(previous, period, report),
                RunFigures.of(current, period, report));
    }

    private static Restatement compare(MetricsRunRecord previous, MetricsRunRecord current,
                                       Map<FigureKey, BigDecimal> before, Map<FigureKey, BigDecimal> after) {
        List<InputChange> inputs = InputChange.between(previous, current);
        List<SettingChange> settings = SettingChange.between(previous, current);
        Causes causes = new Causes(inputs, settings, earlierDataEnd(previous, current));
        LocalDate previousDataEnd = LocalDate.parse(previous.dataEnd());
        List<FigureChange> figures = new ArrayList<>();
        // hashed, and only the changes sorted: a year of statements is hundreds of thousands of amounts
        Set<FigureKey> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (FigureKey key : keys) {
            Status status = !before.containsKey(key) ? Status.ADDED : !after.containsKey(key) ? Status.REMOVED
                    : same(before.get(key), after.get(key)) ? null : Status.CHANGED;
            if (status != null) {
                boolean open = key.reportPeriod().end().isAfter(previousDataEnd);
                figures.add(new FigureChange(key, status, before.get(key), after.get(key), open, causes.of(key)));
            }
        }
        figures.sort(java.util.Comparator.comparing(FigureChange::key));
        return new Restatement(previous, current, inputs, settings, figures);
    }

    /** Equal values, by {@code compareTo}: 100.00 and 100.000 are the same amount; no value equals no value. */
    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    private static LocalDate earlierDataEnd(MetricsRunRecord a, MetricsRunRecord b) {
        LocalDate first = LocalDate.parse(a.dataEnd());
        LocalDate second = LocalDate.parse(b.dataEnd());
        return first.isBefore(second) ? first : second;
    }

    /** True when no figure differs (input files or settings may still have changed). */
    public boolean noFigureChanged() {
        return figures.isEmpty();
    }

    /** The figures of periods complete in the earlier run that now read differently, are new or are gone. */
    public List<FigureChange> restated() {
        return figures.stream().filter(FigureChange::isRestated).toList();
    }

    /** The periods with a restated figure, for re-rendering their reports: months and weeks, in order. */
    public List<ReportPeriod> restatedPeriods() {
        return restated().stream().map(change -> change.key().reportPeriod()).distinct().toList();
    }

    /** The plain-text table for the terminal, every figure listed. */
    public String toText() {
        return RestatementText.render(this, Integer.MAX_VALUE);
    }

    /**
     * The plain-text table with at most {@code maxFigures} figure lines (the oldest periods first, so
     * restated figures come before those of periods that were still open), then how many more the
     * JSON lists: for the end of a metrics run, where a new month can add a line per sharer.
     */
    public String toText(int maxFigures) {
        return RestatementText.render(this, maxFigures);
    }

    /** The JSON the metrics job stores beside its manifest. */
    public String toJson() {
        return RestatementJson.write(this);
    }
}
