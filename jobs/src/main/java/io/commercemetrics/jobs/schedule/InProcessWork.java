package io.commercemetrics.jobs.schedule;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scheduled work done by the product's own commands, run in this process with the options the
 * {@code schedule} command was given ({@code --warehouse}, {@code --state}, {@code --config},
 * {@code --set}, {@code --master}, {@code --job-repository}): exactly what a user typing them gets,
 * job history, lock, manifest and report index included.
 */
public final class InProcessWork implements ScheduledWork {

    /** Runs one command line of the product. */
    @FunctionalInterface
    public interface CommandRunner {

        /** @return the exit code and, when it is not 0, the error the command printed */
        Result run(List<String> args);

        record Result(int exitCode, String error) {
        }
    }

    private final CommandRunner commands;
    private final List<String> sharedOptions;
    private final Path manifests;
    private final Path reports;

    /**
     * @param sharedOptions the options every command gets (warehouse, configuration, engine)
     * @param warehouse     the warehouse they name: its manifests say what ingest made of each file
     * @param reports       the reports folder
     */
    public InProcessWork(CommandRunner commands, List<String> sharedOptions, Warehouse warehouse, Path reports) {
        this.commands = commands;
        this.sharedOptions = List.copyOf(sharedOptions);
        this.manifests = warehouse.manifests();
        this.reports = reports;
    }

    /**
     * Exit 1 with a new manifest is the run that read every file it could and rejected some whole:
     * the manifest tells which. Anything else without a new manifest is an ingest that did not happen.
     */
    @Override
    public IngestOutcome ingest(List<Path> files) {
        Set<Path> before = Set.copyOf(manifestFiles());
        List<String> args = new ArrayList<>(List.of("ingest", "--input"));
        files.forEach(f -> args.add(f.toAbsolutePath().normalize().toString()));
        CommandRunner.Result result = run(args);
        List<Path> written = manifestFiles().stream().filter(m -> !before.contains(m)).toList();
        if (result.exitCode() > 1 || written.isEmpty()) {
            throw failed("ingest", result);
        }
        return IngestManifestOutcome.read(written.get(written.size() - 1), files);
    }

    @Override
    public void metrics() {
        CommandRunner.Result result = run(new ArrayList<>(List.of("metrics")));
        if (result.exitCode() != 0) {
            throw failed("metrics", result);
        }
    }

    @Override
    public List<Path> report(ReportKind kind, ReportPeriod period) {
        List<String> args = new ArrayList<>(List.of("report", "--out", reports.toString(),
                period.isMonth() ? "--month" : "--week", period.label(), "--kind", kind.name()));
        CommandRunner.Result result = run(args);
        if (result.exitCode() != 0) {
            throw failed("report " + period.label(), result);
        }
        Path folder = reports.resolve(period.label());
        try (Stream<Path> written = Files.list(folder)) {
            return written.filter(f -> isOfKind(f.getFileName().toString(), kind)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the reports in " + folder, e);
        }
    }

    private static boolean isOfKind(String name, ReportKind kind) {
        return kind.includesManagement() && name.startsWith("management.")
                || kind.includesFinance() && name.startsWith("finance.");
    }

    private CommandRunner.Result run(List<String> args) {
        args.addAll(sharedOptions);
        return commands.run(args);
    }

    private static ScheduledWorkFailedException failed(String what, CommandRunner.Result result) {
        return new ScheduledWorkFailedException(what + " exited with code " + result.exitCode()
                + (result.error() == null || result.error().isBlank() ? "" : ": " + result.error().strip()));
    }

    private List<Path> manifestFiles() {
        if (!Files.isDirectory(manifests)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(manifests)) {
            // ingest-<yyyyMMdd-HHmmss>-<run id>.json: name order is time order
            return all.filter(f -> f.getFileName().toString().matches("ingest-.*\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the ingest manifests in " + manifests, e);
        }
    }
}
