package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.warehouse.SnapshotExpiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warehouse expire}: upkeep of the warehouse's tables. */
@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = {"Look after the warehouse's tables.", ""},
        subcommands = {WarehouseCommand.Expire.class})
public class WarehouseCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("warehouse: say what to do, e.g. `warehouse expire --older-than 90d`");
    }

    @Command(name = "expire", mixinStandardHelpOptions = true,
            description = {"Remove snapshots older than a duration, and the files only they use. Kept always: each "
                    + "table's current snapshot, tagged snapshots (closed periods), and every snapshot the latest "
                    + "metrics run read or wrote. An earlier run whose snapshots are removed can no longer be "
                    + "read with --run.", ""})
    static class Expire extends JobCommand {

        private static final Pattern AGE = Pattern.compile("(\\d+)([dh])");

        @Option(names = "--older-than", paramLabel = "AGE", required = true,
                description = "Age of the snapshots to remove: days (90d) or hours (36h).")
        String olderThan;

        @Override
        protected void execute(JobRuntime runtime, RunContext run) {
            Instant cutoff = Instant.now(Clock.systemUTC()).minus(age(olderThan));
            SnapshotExpiry.Freed freed = new SnapshotExpiry(runtime.catalog()).expireOlderThan(cutoff);
            run.progress(String.format(Locale.ROOT, "expired %d snapshots older than %s: %d files, %s freed",
                    freed.snapshots(), cutoff.toString().substring(0, 19).replace('T', ' ') + " UTC", freed.files(),
                    bytes(freed.bytes())));
        }

        /** Expiry rewrites table metadata: it holds the warehouse lock like any writer. */
        @Override
        protected boolean writesWarehouse() {
            return true;
        }

        @Override
        protected boolean readsExistingWarehouse() {
            return true;
        }

        static Duration age(String text) {
            Matcher m = AGE.matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("--older-than " + text + ": give days or hours, e.g. 90d or 36h");
            }
            long n = Long.parseLong(m.group(1));
            return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
        }

        static String bytes(long bytes) {
            return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
    }
}
