package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.ExportJobConfiguration;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.reports.export.TableExporter;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write metric tables of the warehouse as files: CSV exactly as the \"Exports\" section of "
                + "docs/metrics.md says (one <table>.csv each), or one XLSX workbook with a sheet per table "
                + "(numeric and date cells).", ""})
public class ExportCommand extends JobCommand {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "var/exports",
            description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tables", paramLabel = "NAME", split = ",",
            description = "Tables to export, comma separated (default: every metric table). One of: "
                    + "${COMPLETION-CANDIDATES}; `quarantine` exports the rejected rows with file, line, raw text "
                    + "and reasons.",
            completionCandidates = TableNames.class)
    List<String> tables = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or xlsx (default: ${DEFAULT-VALUE}).")
    TableExporter.Format format;

    @Mixin
    RunOption run = new RunOption();

    /** Exporting reads only: no lock, and the recorded configuration stays as it is. */
    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        List<String> names = tables.isEmpty()
                ? MetricTables.ALL.stream().map(TableSchema::name).toList() : List.copyOf(tables);
        for (String name : names) {
            if (MetricTables.byName(name).isEmpty() && !name.equals(IngestTables.QUARANTINE.name())) {
                throw new IllegalArgumentException("--tables: no table " + name + "; choose from "
                        + String.join(", ", new TableNames()));
            }
        }
        runtime.run(ExportJobConfiguration.JOB, Map.of(
                ExportJobConfiguration.OUT, out.toAbsolutePath().toString(),
                ExportJobConfiguration.TABLES, String.join(",", names),
                ExportJobConfiguration.FORMAT, format.name(),
                ExportJobConfiguration.METRICS_RUN, this.run.parameter(runtime.catalog())));
    }

    /** The table names, for help text and shell completion. */
    static class TableNames extends ArrayList<String> {
        TableNames() {
            super(MetricTables.ALL.stream().map(TableSchema::name).toList());
            add(IngestTables.QUARANTINE.name());
        }
    }
}
