package io.commercemetrics.reports.warehouse;

import io.commercemetrics.reports.parquet.MetricTableReader;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tables of one warehouse the reports read: metric tables from {@code <warehouse>/metrics} and
 * the raw tables it needs (reviews, refunds, fx rates) from {@code <warehouse>/raw}, each read once
 * and kept for the run.
 */
public final class WarehouseTables {

    private final Path metricsFolder;
    private final MetricsRunRecord run;
    private final Map<String, List<TableRow>> cache = new HashMap<>();
    private final Set<String> missing = new LinkedHashSet<>();

    public WarehouseTables(Path metricsFolder) {
        this.metricsFolder = metricsFolder;
        this.run = MetricsRunRecord.read(metricsFolder.resolve("_run.json"));
    }

    public MetricsRunRecord run() {
        return run;
    }

    /**
     * Every row of a metric table. A table the metrics job has not written reads as empty and is
     * remembered in {@link #missing()}, so one absent table empties its section, says so on the
     * report, and does not cost management the whole report.
     */
    public List<TableRow> metric(TableSchema table) {
        return cache.computeIfAbsent(table.name(), name -> {
            Path folder = metricsFolder.resolve(name);
            if (!Files.isDirectory(folder)) {
                missing.add(name);
                return List.of();
            }
            return rows(folder, table);
        });
    }

    /** The metric tables asked for that the warehouse does not have, in the order asked. */
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
     * A raw input table of the warehouse (columns of the source in {@link Sources}), or none when
     * the source was never ingested.
     */
    public List<TableRow> raw(TableSchema source) {
        Path folder = metricsFolder.toAbsolutePath().getParent().resolve("raw").resolve(source.name());
        return cache.computeIfAbsent("raw/" + source.name(), name -> rowsBelow(folder, source));
    }

    /** Raw tables may keep their part files in subfolders (one per ingested file): read them all. */
    private static List<TableRow> rowsBelow(Path folder, TableSchema table) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> folders = paths.filter(Files::isDirectory).sorted().toList();
            List<TableRow> rows = new ArrayList<>();
            for (Path each : folders) {
                rows.addAll(rows(each, table));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static List<TableRow> rows(Path folder, TableSchema table) {
        return MetricTableReader.read(folder, table).stream().map(values -> new TableRow(table, values)).toList();
    }
}
