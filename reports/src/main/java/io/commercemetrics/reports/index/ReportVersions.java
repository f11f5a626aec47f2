package io.commercemetrics.reports.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.jasper.ReportFiles;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.restatement.RestatementNotice;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the earlier versions of a period's reports reachable when a later run re-renders them with
 * other figures: before the new files replace them, the files rendered from an earlier run whose
 * figures of the period differ (see {@code restatement.Figure}) are copied to
 * {@code management.run-<run id>.pdf} and the like, and the index links them as "earlier version
 * (run X)". Which run rendered each file is recorded in the period folder's {@value #RECORD}. A file
 * rendered from the same figures is simply replaced, so daily runs do not pile up copies.
 */
public final class ReportVersions {

    static final String RECORD = "rendered-runs.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.run-(.+)\\.([^.]+)");

    private ReportVersions() {
    }

    /** What rendered a file: the run and the report. */
    record Rendered(String run, ReportKind report) {
    }

    /**
     * Renders one report of a period through {@code render}, first keeping the files it replaces when
     * their run's figures differ, then recording that this run rendered the new files.
     */
    public static List<Path> render(Path folder, WarehouseTables tables, ReportPeriod period, ReportKind report,
                                    Supplier<List<Path>> render) {
        Map<String, Rendered> rendered = read(folder);
        String run = tables.run().runId();
        rendered.forEach((file, by) -> {
            Path existing = folder.resolve(file);
            if (by.report() == report && !by.run().equals(run) && Files.isRegularFile(existing)
                    && figuresDiffer(tables, by.run(), period, report)) {
                copy(existing, folder.resolve(versionedName(file, by.run())));
            }
        });
        List<Path> files = render.get();
        // by the path within the period folder: the web page's font lives in assets/
        files.forEach(file -> rendered.put(folder.toAbsolutePath().relativize(file.toAbsolutePath()).toString(),
                new Rendered(run, report)));
        ReportFiles.writeAtomically(folder.resolve(RECORD), out -> JSON.writeValue(out, rendered));
        return files;
    }

    /**
     * Whether the period folder holds the report as {@code run} rendered it: files recorded for that
     * report, every one rendered by that run and still there (a backfill skips such a period).
     */
    public static boolean renderedFrom(Path folder, ReportKind report, String run) {
        List<Map.Entry<String, Rendered>> files = read(folder).entrySet().stream()
                .filter(entry -> entry.getValue().report() == report).toList();
        return !files.isEmpty() && files.stream().allMatch(entry -> entry.getValue().run().equals(run)
                && Files.isRegularFile(folder.resolve(entry.getKey())));
    }

    /**
     * Whether the earlier run's figures of the period differ from this run's. A run this one cannot
     * compare with (published after it, unknown, or expired) counts as different: a copy too many is
     * better than a report lost.
     */
    private static boolean figuresDiffer(WarehouseTables tables, String earlierRun, ReportPeriod period,
                                         ReportKind report) {
        Optional<MetricsRunRecord> earlier = tables.earlierRuns().stream()
                .filter(record -> record.runId().equals(earlierRun)).findFirst();
        return earlier.isEmpty()
                || RestatementNotice.figuresDiffer(tables.earlierRun(earlier.get()), tables, period, report);
    }

    /** {@code management.pdf} of run X is kept as {@code management.run-X.pdf}. */
    static String versionedName(String file, String run) {
        int dot = file.lastIndexOf('.');
        return file.substring(0, dot) + ".run-" + run + file.substring(dot);
    }

    /** The earlier versions kept of one report file of a period folder, newest run id first, as index links. */
    static String earlierLinks(Path periodFolder, String file) {
        List<String[]> versions = new ArrayList<>();
        if (Files.isDirectory(periodFolder)) {
            try (Stream<Path> children = Files.list(periodFolder)) {
                for (Path child : children.toList()) {
                    Matcher name = VERSIONED.matcher(child.getFileName().toString());
                    if (name.matches() && file.equals(name.group(1) + "." + name.group(3))) {
                        versions.add(new String[] {child.getFileName().toString(), name.group(2)});
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + periodFolder, e);
            }
        }
        versions.sort(Comparator.comparing((String[] v) -> v[1]).reversed());
        StringBuilder html = new StringBuilder();
        for (String[] version : versions) {
            html.append("<a class=\"earlier\" href=\"").append(periodFolder.getFileName()).append('/')
                    .append(version[0]).append("\">earlier version (run ").append(version[1]).append(")</a>");
        }
        return html.toString();
    }

    private static Map<String, Rendered> read(Path folder) {
        Path record = folder.resolve(RECORD);
        if (!Files.isRegularFile(record)) {
            // rendered before runs were recorded, or never: those files are replaced as they always were
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(record.toFile(), new TypeReference<Map<String, Rendered>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record + ": delete it to render the period afresh", e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            if (!Files.exists(to)) {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the earlier version " + from + " as " + to, e);
        }
    }
}
