package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.IngestJobConfiguration;
import io.commercemetrics.jobs.batch.JobRequests;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read every export of docs/inputs.md (CSV, JSON Lines or Parquet, optionally .gz) from files or "
                + "folders into the warehouse as typed Parquet. Bad rows go to the quarantine with file, line and "
                + "reasons; the run goes on. A file is identified by its location: ingesting it again adds nothing; a "
                + "corrected file at the same location replaces the rows it brought before once it is read "
                + "successfully. A file rejected whole removes nothing (its earlier rows stay) and makes the "
                + "run exit 1, naming it, after every other file was read.", ""})
public class IngestCommand extends JobCommand {

    @Option(names = "--input", paramLabel = "PATH", required = true, arity = "1..*",
            description = "Export files or folders (only files directly in a folder are read).")
    List<Path> input = new ArrayList<>();

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of files that are not UTF-8, e.g. GB18030 (default: UTF-8 only).")
    String encoding;

    @Option(names = "--source-tz", paramLabel = "ZONE",
            description = "Time zone of timestamps written without an offset (default: UTC).")
    String sourceTimeZone;

    @Override
    protected List<Path> inputs() {
        return input;
    }

    @Override
    protected List<String> impliedSettings() {
        return ingestSettings(encoding, sourceTimeZone);
    }

    static List<String> ingestSettings(String encoding, String sourceTimeZone) {
        List<String> settings = new ArrayList<>();
        if (encoding != null) {
            settings.add("source.encoding=" + encoding);
        }
        if (sourceTimeZone != null) {
            settings.add("source.time-zone=" + sourceTimeZone);
        }
        return settings;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        runtime.run(IngestJobConfiguration.JOB, parameters(input));
    }

    /** The request of an ingest: the inputs as given, and what the files under them are now. */
    static Map<String, String> parameters(List<Path> input) {
        return Map.of("inputs", joined(input), "inputs.fingerprint", JobRequests.fingerprint(input));
    }

    /** Between the inputs of the {@code inputs} job parameter. */
    static final String INPUT_SEPARATOR = ";";

    static String joined(List<Path> paths) {
        return String.join(INPUT_SEPARATOR, paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    }
}
