package io.commercemetrics.reports.warehouse;

import io.commercemetrics.reports.period.DataSpan;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one complete metrics run that the reports read: its metric tables and the raw
 * tables it was computed from (reviews, refunds, fx rates), each at the snapshot its run record
 * names, read once and kept. A later run does not change what this reads.
 */
public final class WarehouseTables {

    private final TableReader reader;
    private final MetricsRunRecord run;
    private final List<MetricsRunRecord> earlierRuns;
    private final Map<String, List<TableRow>> cache = new HashMap<>();
    private final Set<String> missing = new LinkedHashSet<>();

    /** A run read without its history: it restates nothing (see {@link #earlierRuns()}). */
    public WarehouseTables(TableReader reader, MetricsRunRecord run) {
        this(reader, run, List.of());
    }

    /** @param earlierRuns the runs published before this one, newest first */
    public WarehouseTables(TableReader reader, MetricsRunRecord run, List<MetricsRunRecord> earlierRuns) {
        this.reader = reader;
        this.run = run;
        this.earlierRuns = List.copyOf(earlierRuns);
    }

    /**
     * The run asked for, or the latest complete one.
     *
     * @param runId a run id, or null for the latest
     */
    public static WarehouseTables of(WarehouseCatalog catalog, String runId) {
        List<MetricsRunRecord> newestFirst = new RunRecords(catalog).all();
        if (runId == null && newestFirst.isEmpty()) {
            throw new IllegalStateException("no metrics run in this warehouse yet: run the metrics job first");
        }
        int at = runId == null ? 0 : indexOf(newestFirst, runId);
        if (at < 0) {
            throw new IllegalArgumentException("no metrics run " + runId
                    + " in this warehouse (`commerce-metrics runs` lists them)");
        }
        return new WarehouseTables(new TableReader(catalog), newestFirst.get(at),
                newestFirst.subList(at + 1, newestFirst.size()));
    }

    private static int indexOf(List<MetricsRunRecord> runs, String runId) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).runId().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The runs published before this one, newest first (the run this one followed first): what a
     * restatement compares with. Empty for the first run, or when this run was read without its history.
     */
    public List<MetricsRunRecord> earlierRuns() {
        return earlierRuns;
    }

    /**
     * The tables of one of {@link #earlierRuns()}, read afresh: a caller that walks back through many
     * runs holds the rows of two at a time, never of every run it passed.
     */
    public WarehouseTables earlierRun(MetricsRunRecord earlier) {
        int at = earlierRuns.indexOf(earlier);
        if (at < 0) {
            throw new IllegalArgumentException("run " + earlier.runId() + " was not published before run " + run.runId());
        }
        return new WarehouseTables(reader, earlier, earlierRuns.subList(at + 1, earlierRuns.size()));
    }

    /**
     * Whether the snapshots of these tables that the run record names are still kept: false once
     * {@code warehouse expire} removed them, when the run can no longer be read (nor compared with).
     */
    public boolean isKept(List<TableSchema> metricTables, List<TableSchema> sources) {
        return metricTables.stream().allMatch(table -> reader.isKept(TableIds.metric(table.name()),
                run.metricSnapshots().get(table.name())))
                && sources.stream().allMatch(source -> reader.isKept(TableIds.raw(source.name()),
                run.rawSnapshots().get(source.name())));
    }

    public MetricsRunRecord run() {
        return run;
    }

    /**
     * Every row of a metric table. A table the run did not write reads as empty and is remembered
     * in {@link #missing()}, so one absent table empties its section, says so on the report, and
     * does not cost management the whole report.
     */
    public List<TableRow> metric(TableSchema table) {
        return cache.computeIfAbsent(table.name(), name -> {
            if (!run.metricSnapshots().containsKey(name)) {
                missing.add(name);
                return List.of();
            }
            return rows(reader.read(TableIds.metric(name), run.metricSnapshots().get(name), table), table);
        });
    }

    /**
     * The days the run's data covers: from the first day of traffic_cost (its day rows are the days
     * with orders or traffic) through the run's data end.
     */
    public DataSpan dataSpan() {
        LocalDate start = metric(MetricTables.TRAFFIC_COST).stream().filter(row -> row.is("period_type", "day"))
                .map(row -> LocalDate.parse(row.text("period"))).min(Comparator.naturalOrder()).orElse(null);
        return new DataSpan(start, LocalDate.parse(run.dataEnd()), run.runId());
    }

    /** The metric tables asked for that the run does not have, in the order asked. */
    public Set<String> missing() {
        return Set.copyOf(missing);
    }

    /**
     * The raw reviews (columns of {@link Sources#REVIEWS}), or none when no reviews were ingested:
     * a shop without reviews still gets its report.
     */
    public List<TableRow> rawReviews() {
        return raw(Sources.REVIEWS);
    }

    /**
     * A raw input table as the run read it (columns of the source in {@link Sources}), or none when
     * the source was never ingested.
     */
    public List<TableRow> raw(TableSchema source) {
        return cache.computeIfAbsent("raw." + source.name(), name -> rows(reader.read(TableIds.raw(source.name()),
                run.rawSnapshots().get(source.name()), IngestTables.raw(source)), source));
    }

    /** Raw rows carry {@code _file} and {@code _line} after the source's columns: the source's are a prefix. */
    private static List<TableRow> rows(List<Object[]> values, TableSchema table) {
        return values.stream().map(row -> new TableRow(table, java.util.Arrays.copyOf(row, table.fields().size())))
                .toList();
    }
}
