package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.warehouse.MonthClose;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reopen", mixinStandardHelpOptions = true,
        description = {"Reopen the latest closed month: the next metrics run computes it again. Its close stays in "
                + "the audit with who reopened it, when and why; its tags are removed.", ""})
public class ReopenCommand extends MonthCommand {

    @Option(names = "--reason", paramLabel = "TEXT", required = true,
            description = "Why the month is reopened, for the audit.")
    String reason;

    @Override
    protected void checkOptions() {
        super.checkOptions();
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason: say why " + month + " is reopened");
        }
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        new MonthClose(runtime.catalog()).reopen(yearMonth(), reason, by, Instant.now());
        run.progress("reopened " + yearMonth() + " by " + by + ": " + reason + " (tag " + MonthClose.tag(yearMonth())
                + " removed; the next metrics run computes the month again)");
    }
}
