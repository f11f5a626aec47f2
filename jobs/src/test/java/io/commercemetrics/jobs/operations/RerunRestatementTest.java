package io.commercemetrics.jobs.operations;

import static io.commercemetrics.jobs.operations.RestartTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun after a late file prints the restatement: the figures of the complete month and week the
 * late order falls in, old and new, and the new file as their cause; and keeps it beside the run's
 * manifest. (What the restatement compares is tested in the reports module; this is the metrics job
 * saying it.)
 */
class RerunRestatementTest {

    static final String HEADER = "order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel\n";

    @TempDir
    Path dir;

    @Test
    void aRerunAfterALateOrderPrintsTheChangedFiguresOldAndNewWithTheNewFileAsTheirCause() throws Exception {
        SharedSpark.session();
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(inputs.resolve("orders.csv"), HEADER
                + "o1,c1,2026-09-03T10:00:00Z,paid,EUR,100.00,0.00,search\n"
                + "o2,c2,2026-09-10T10:00:00Z,paid,EUR,50.00,0.00,ads\n"
                + "o3,c1,2026-10-05T10:00:00Z,paid,EUR,70.00,0.00,search\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString()).code()).isZero();
        RestartTest.Result first = cli("metrics", "--warehouse", warehouse.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).doesNotContain("restatement");
        String firstRun = WarehouseContents.latestRun(warehouse).runId();
        Path reports = dir.resolve("reports");
        assertThat(cli("report", "--week", "2026-W38", "--warehouse", warehouse.toString(), "--out",
                reports.toString()).code()).isZero();

        // September (complete in both runs: the data ends on 2026-10-05 either way) gets a late order
        Files.writeString(inputs.resolve("orders-late.csv"), HEADER
                + "o4,c3,2026-09-16T10:00:00Z,paid,EUR,80.00,0.00,search\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString()).code()).isZero();
        RestartTest.Result rerun = cli("metrics", "--warehouse", warehouse.toString());
        assertThat(rerun.code()).as(rerun.text()).isZero();
        String secondRun = WarehouseContents.latestRun(warehouse).runId();

        assertThat(rerun.out()).contains("restatement against run " + firstRun, "orders-late.csv");
        // revenue 150.00 -> 230.00, orders 2 -> 3 in 2026-09 and, for W38, 0 -> 80.00 (no order that week before)
        assertThat(rerun.out()).containsPattern("2026-09\\s.*Revenue.*150\\.00\\s.*230\\.00");
        assertThat(rerun.out()).containsPattern("2026-09\\s.*Orders.*\\b2\\s.*\\b3\\b");
        Path json = warehouse.resolve("manifests").resolve("restatement-" + secondRun + ".json");
        assertThat(Files.readString(json)).contains("\"230.00\"", "orders-late.csv");

        // the latest reports render again the reported week the rerun restated, keeping its earlier version
        RestartTest.Result latest = cli("report", "--latest", "--warehouse", warehouse.toString(), "--out",
                reports.toString());
        assertThat(latest.code()).as(latest.text()).isZero();
        assertThat(latest.out()).contains("2026-W38: restated by run " + secondRun + ", rendered again");
        assertThat(reports.resolve("2026-W38/management.run-" + firstRun + ".pdf")).exists();
        assertThat(Files.readString(reports.resolve("2026-W38/management.html")))
                .contains("(run " + secondRun + "), replacing run " + firstRun);
    }
}
