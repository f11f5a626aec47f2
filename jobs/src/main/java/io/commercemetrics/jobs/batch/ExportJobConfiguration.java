package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.ingest.IngestTables;
import io.commercemetrics.reports.export.TableExporter;
import io.commercemetrics.reports.warehouse.MetricsRunRecord;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.ExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
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

    @Bean
    Job exportJob(JobRepository repository, Step exportTablesStep) {
        return new JobBuilder(JOB, repository).start(exportTablesStep).build();
    }

    @Bean
    Step exportTablesStep(JobRepository repository, PlatformTransactionManager tx, Tasklet exportTablesTasklet) {
        return new StepBuilder("export-tables", repository).tasklet(exportTablesTasklet, tx).build();
    }

    @Bean
    @StepScope
    Tasklet exportTablesTasklet(RunContext run, @Value("#{jobParameters['out']}") String out,
                                @Value("#{jobParameters['tables']}") String tables,
                                @Value("#{jobParameters['format']}") String format) {
        return (contribution, chunk) -> {
            ExportFormat cells = exportFormat(run);
            Map<TableSchema, Path> chosen = new LinkedHashMap<>();
            for (String name : tables.split(",")) {
                if (name.equals(IngestTables.QUARANTINE.name())) {
                    chosen.put(IngestTables.QUARANTINE, run.warehouse().quarantine());
                } else {
                    chosen.put(MetricTables.byName(name).orElseThrow(), run.warehouse().metric(name));
                }
            }
            List<Path> written = new TableExporter(cells).export(chosen, TableExporter.Format.valueOf(format),
                    Path.of(out));
            written.forEach(file -> run.progress("wrote " + file));
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * Zone from the configuration; currency from the metrics run: the stored amounts are in the
     * currency they were computed in, whatever the configuration says now.
     */
    static ExportFormat exportFormat(RunContext run) {
        String currency = run.config().reporting().currency();
        Path record = run.warehouse().metricsRun();
        if (Files.exists(record)) {
            currency = MetricsRunRecord.read(record).reportingCurrency();
        }
        return new ExportFormat(run.config().reporting().timeZone(), currency);
    }
}
