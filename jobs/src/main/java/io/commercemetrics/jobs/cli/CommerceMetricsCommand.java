package io.commercemetrics.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "commerce-metrics", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Batch pipeline and reports for social and traditional e-commerce: ingest a shop's exports "
                + "into Parquet, compute the metrics of docs/metrics.md, export them and render reports.", ""},
        subcommands = {PipelineCommand.class, IngestCommand.class, MetricsCommand.class, ExportCommand.class, ReportCommand.class,
                BackfillCommand.class, GenerateCommand.class, JobsCommand.class, RunsCommand.class, WarehouseCommand.class,
                CloseCommand.class, ReopenCommand.class, ScheduleCommand.class},
        footer = {"", "Start with: commerce-metrics pipeline   (sample-data/ -> var/warehouse, var/reports)",
                "Every command has --help."})
public class CommerceMetricsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
