package io.commercemetrics.jobs.batch;

import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.reports.export.TableExporter;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.ExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.util.Optional;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The export job: one step that writes the chosen metric tables (or the quarantine) as CSV or XLSX. */
@Configuration
public class ExportJobConfiguration {

    public static final String JOB = "exportJob";
    public static final String OUT = "out";
    public static final String TABLES = "tables";
    public static final String FORMAT = "format";
    /** The metrics run to export; empty for the latest. */
    public static final String METRICS_RUN = "metrics.run";

    @Bean
    Job exportJob(JobRepository repository, RequestRecorder recorder, Step exportTablesStep) {
        return BatchSteps.job(JOB, repository, recorder, List.of(exportTablesStep));
    }

    @Bean
    Step exportTablesStep(JobRepository repository, PlatformTransactionManager tx, Tasklet exportTablesTasklet) {
        return new StepBuilder("export-tables", repository).tasklet(exportTablesTasklet, tx).build();
    }

    @Bean
    @StepScope
    Tasklet exportTablesTasklet(RunContext run, WarehouseCatalog catalog,
                                @Value("#{jobParameters['out']}") String out,
                                @Value("#{jobParameters['tables']}") String tables,
                                @Value("#{jobParameters['format']}") String format,
                                @Value("#{jobParameters['metrics.run']}") String metricsRun) {
        return (contribution, chunk) -> {
            TableReader reader = new TableReader(catalog);
            Optional<MetricsRunRecord> record = metricsRun(catalog, metricsRun);
            record.ifPresent(r -> run.progress("exporting metrics run " + r.runId()
                    + (metricsRun == null || metricsRun.isEmpty() ? " (the latest)" : "")));
            Map<TableSchema, List<Object[]>> contents = new LinkedHashMap<>();
            for (String name : tables.split(",")) {
                if (name.equals(IngestTables.QUARANTINE.name())) {
                    contents.put(IngestTables.QUARANTINE, reader.readCurrent(TableIds.QUARANTINE,
                            IngestTables.QUARANTINE));
                    continue;
                }
                TableSchema table = MetricTables.byName(name).orElseThrow();
                MetricsRunRecord source = record.orElseThrow(() -> new IllegalStateException(
                        "no metrics run in this warehouse yet: run the metrics job first"));
                if (!source.metricSnapshots().containsKey(name)) {
                    throw new IllegalStateException("metrics run " + source.runId() + " has no table " + name);
                }
                contents.put(table, reader.read(TableIds.metric(name), source.metricSnapshots().get(name), table));
            }
            ExportFormat cells = new ExportFormat(run.config().reporting().timeZone(),
                    // the stored amounts are in the currency they were computed in, whatever the configuration says now
                    record.map(MetricsRunRecord::reportingCurrency).orElse(run.config().reporting().currency()));
            List<Path> written = new TableExporter(cells).export(contents, TableExporter.Format.valueOf(format),
                    Path.of(out));
            written.forEach(file -> run.progress("wrote " + file));
            return RepeatStatus.FINISHED;
        };
    }

    /** The run asked for (an id), or the latest complete run when none is named; empty when there is none yet. */
    static Optional<MetricsRunRecord> metricsRun(WarehouseCatalog catalog, String runId) {
        RunRecords runs = new RunRecords(catalog);
        if (runId == null || runId.isEmpty()) {
            return runs.latest();
        }
        return Optional.of(runs.byId(runId).orElseThrow(() -> new IllegalArgumentException("--run: no metrics run "
                + runId + " in this warehouse (`commerce-metrics runs` lists them)")));
    }
}
