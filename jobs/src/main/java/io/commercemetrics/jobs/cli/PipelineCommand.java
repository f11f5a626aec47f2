package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.PipelineJobConfiguration;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.reports.ReportKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"The whole pipeline: ingest the exports, compute every metric table, render the reports of "
                + "the latest complete week and month. With no options: sample-data/ -> var/warehouse, var/reports.",
                ""})
public class PipelineCommand extends JobCommand {

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", defaultValue = "sample-data",
            description = "Export files or folders (default: ${DEFAULT-VALUE}).")
    List<Path> input = new ArrayList<>();

    @Option(names = "--encoding", paramLabel = "NAME", description = "Encoding of files that are not UTF-8.")
    String encoding;

    @Option(names = "--source-tz", paramLabel = "ZONE", description = "Zone of timestamps without an offset.")
    String sourceTimeZone;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "var/reports",
            description = "Reports folder (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Data end (default: the latest order's date).")
    LocalDate asOf;

    @Override
    protected List<Path> inputs() {
        return input;
    }

    @Override
    protected List<String> impliedSettings() {
        return IngestCommand.ingestSettings(encoding, sourceTimeZone);
    }

    @Override
    protected LocalDate asOf() {
        return asOf;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        Map<String, String> request = new HashMap<>(IngestCommand.parameters(input));
        request.putAll(MetricsCommand.parameters(asOf));
        request.putAll(ReportCommand.parameters(reports, "latest", ReportKind.all, ""));
        runtime.run(PipelineJobConfiguration.JOB, request);
    }
}
