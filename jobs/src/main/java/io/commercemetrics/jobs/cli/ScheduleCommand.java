package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.schedule.InProcessWork;
import io.commercemetrics.jobs.delivery.RenderedReports;
import io.commercemetrics.jobs.delivery.ReportDelivery;
import io.commercemetrics.jobs.schedule.ReportListener;
import io.commercemetrics.jobs.schedule.ScheduleState;
import io.commercemetrics.jobs.schedule.Scheduler;
import io.commercemetrics.jobs.schedule.Sleeper;
import io.commercemetrics.jobs.schedule.StopOnSignal;
import io.commercemetrics.jobs.schedule.Trigger;
import io.commercemetrics.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Run the pipeline on the configuration's schedule until stopped (SIGTERM or Ctrl-C let the "
                + "run in flight finish): every day ingest the files waiting in the inbox (each archived under "
                + "<inbox>/archive/<date>/, an unreadable one moved to <inbox>/rejected/ with a .reason file) and "
                + "compute the metrics; on Mondays the weekly management report, on the 3rd the monthly reports. "
                + "Times are the schedule: section's cron expressions in the reporting time zone. A run missed "
                + "while the scheduler was down runs once when it starts again.", ""})
public class ScheduleCommand implements Callable<Integer> {

    static final String LOCK_FILE = ".schedule.lock";

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "var/inbox",
            description = "Where exports are dropped (default: ${DEFAULT-VALUE}); created if missing.")
    Path inbox;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "var/reports",
            description = "Reports folder (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--once", description = "Fire every trigger due now once, then exit (for cron or a "
            + "Kubernetes CronJob): exit 1 when one failed.")
    boolean once;

    @Mixin
    WarehouseOptions warehouseOptions;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    EngineOptions engine;

    private final Clock clock;

    public ScheduleCommand() {
        this(Clock.systemUTC());
    }

    /** With the clock a test sets: the time decides which triggers are due. */
    ScheduleCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        Warehouse warehouse = warehouseOptions.warehouse();
        Files.createDirectories(inbox);
        // the inbox's commerce-metrics.yaml applies, as to any export folder: it may set the time zone
        PipelineConfig config = ConfigResolver.resolve(warehouse, List.of(inbox), configOptions, List.of()).load();
        List<Trigger> triggers = Trigger.of(config.schedule());
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("every trigger of the schedule: section is off: nothing to schedule");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        InProcessWork work = new InProcessWork(ScheduleCommand::runCommand, sharedOptions(), warehouse,
                reports.toAbsolutePath().normalize());
        Scheduler scheduler = new Scheduler(triggers, inbox, work, mail(config, out),
                ScheduleState.at(warehouse.scheduleState()), clock, config.reporting().timeZone(),
                Sleeper.real(), out::println);
        try (FileChannel channel = FileChannel.open(inbox.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockOrRefuse(channel)) {
            if (once) {
                return scheduler.runOnce() ? 0 : ErrorHandler.JOB_FAILED;
            }
            StopOnSignal.install(scheduler);
            scheduler.run();
            return 0;
        }
    }

    /**
     * Each report a trigger rendered is mailed to its kind's recipients (configuration delivery.*;
     * nobody configured: nothing sent, said once). A failed delivery is retried, then reported in the
     * log; it never fails the trigger: the reports are written either way.
     */
    private ReportListener mail(PipelineConfig config, PrintStream out) {
        ReportDelivery delivery = ReportDelivery.fromEnvironment(config.delivery());
        Path folder = reports.toAbsolutePath().normalize();
        return (kind, period, files) -> RenderedReports.deliver(delivery, folder, List.of(period), kind, out::println);
    }

    /** The inbox's lock, held while this scheduler runs: two would take the same files. */
    private FileLock lockOrRefuse(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("another scheduler is running on the inbox " + inbox.toAbsolutePath()
                    + ": one at a time, or two would take the same files");
        }
        return lock;
    }

    private List<String> sharedOptions() {
        List<String> options = new ArrayList<>(warehouseOptions.arguments());
        options.addAll(configOptions.arguments());
        options.addAll(engine.arguments());
        return options;
    }

    /** One of the product's commands, exactly as typed, its error kept for the scheduler's log line. */
    static InProcessWork.CommandRunner.Result runCommand(List<String> args) {
        StringWriter error = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(error, true));
        int exit = cli.execute(args.toArray(String[]::new));
        System.err.print(error);
        String firstLine = error.toString().lines().filter(l -> l.startsWith("error: ")).findFirst()
                .map(l -> l.substring("error: ".length())).orElse(error.toString().strip());
        return new InProcessWork.CommandRunner.Result(exit, firstLine);
    }

}
