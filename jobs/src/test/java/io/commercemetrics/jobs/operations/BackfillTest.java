package io.commercemetrics.jobs.operations;

import static io.commercemetrics.jobs.operations.RestartTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.batch.Faults;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backfill}: every period of a range rendered in order from one run; a range outside the data
 * refused before any work; periods already rendered from the run skipped unless forced; a failed
 * backfill resumed at the period it did not finish.
 */
class BackfillTest {

    @TempDir
    Path dir;

    @Test
    void aBackfillRendersEachPeriodOnceFromTheRunAndResumesWhereItFailed() throws Exception {
        SharedSpark.session();
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(inputs.resolve("orders.csv"), RerunRestatementTest.HEADER
                + "o1,c1,2026-08-03T10:00:00Z,paid,EUR,100.00,0.00,search\n"
                + "o2,c2,2026-09-10T10:00:00Z,paid,EUR,50.00,0.00,ads\n"
                + "o3,c1,2026-10-30T10:00:00Z,paid,EUR,70.00,0.00,search\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString()).code()).isZero();
        assertThat(cli("metrics", "--warehouse", warehouse.toString()).code()).isZero();
        String run = WarehouseContents.latestRun(warehouse).runId();
        Path out = dir.resolve("reports");
        String[] backfill = {"backfill", "--from", "2026-08", "--to", "2026-10", "--warehouse", warehouse.toString(),
                "--out", out.toString()};

        // outside the data (it starts on 2026-08-03), or a range written wrong: usage errors, nothing written
        RestartTest.Result outside = cli("backfill", "--from", "2026-06", "--to", "2026-08", "--warehouse",
                warehouse.toString(), "--out", out.toString());
        assertThat(outside.code()).isEqualTo(2);
        assertThat(outside.err()).contains("no data for month 2026-06");
        assertThat(cli("backfill", "--from", "2026-09", "--to", "2026-W40", "--warehouse", warehouse.toString())
                .code()).isEqualTo(2);
        assertThat(cli("backfill", "--from", "2026-10", "--to", "2026-08", "--warehouse", warehouse.toString())
                .code()).isEqualTo(2);
        assertThat(out).doesNotExist();

        // fails as it starts October, after August and September are rendered
        System.setProperty(Faults.FAIL_BEFORE_STEP, "report-2026-10");
        RestartTest.Result failed;
        try {
            failed = cli(backfill);
        } finally {
            System.clearProperty(Faults.FAIL_BEFORE_STEP);
        }
        assertThat(failed.code()).as(failed.text()).isEqualTo(1);
        assertThat(out.resolve("2026-09/management.pdf")).exists();
        assertThat(out.resolve("2026-10")).doesNotExist();

        // the same command resumes at October: August and September are not rendered again
        RestartTest.Result resumed = cli(backfill);
        assertThat(resumed.code()).as(resumed.text()).isZero();
        assertThat(resumed.out()).contains("resuming execution", "management report 2026-10", "finance report 2026-10")
                .doesNotContain("management report 2026-08", "management report 2026-09");
        assertThat(out.resolve("2026-10/management.pdf")).exists();
        assertThat(out.resolve("2026-10/finance.pdf")).exists();

        // again, complete: every period was rendered from this run, so each is skipped; --force renders them
        RestartTest.Result again = cli(backfill);
        assertThat(again.out()).contains("2026-08: already rendered from run " + run, "2026-10: already rendered")
                .doesNotContain("management report 2026-");
        String[] forced = java.util.Arrays.copyOf(backfill, backfill.length + 1);
        forced[backfill.length] = "--force";
        assertThat(cli(forced).out()).contains("management report 2026-08", "management report 2026-09",
                "management report 2026-10");
    }
}
