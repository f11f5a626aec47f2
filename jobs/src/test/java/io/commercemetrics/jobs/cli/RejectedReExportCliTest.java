package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 8 point 3 through the command line: a re-export rejected whole keeps the data and exits 1. */
class RejectedReExportCliTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyReExportKeepsTheEarlierRowsAndTheRunExitsOneNamingTheFile() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Path orders = Files.writeString(in.resolve("orders.csv"), """
                order_id,customer_id,order_ts,status,currency,gross_amount,channel
                A,c1,2026-10-02T10:00:00Z,paid,CNY,10,ads
                B,c2,2026-10-03T10:00:00Z,paid,CNY,20,ads
                """);
        Files.writeString(in.resolve("refunds.csv"), """
                refund_id,order_id,refund_ts,currency,amount
                R1,A,2026-10-05T10:00:00Z,CNY,5
                """);
        Path warehouse = dir.resolve("wh");
        assertThat(run("ingest", "--input", in.toString(), "--warehouse", warehouse.toString()).exit).isZero();

        Files.writeString(orders, "");
        Result ingest = run("ingest", "--input", in.toString(), "--warehouse", warehouse.toString(),
                "--set", "attribution.window-days=14");
        assertThat(ingest.exit).isEqualTo(1);
        assertThat(ingest.err).contains("in step ingest-summary: 1 input file was rejected whole")
                .contains(orders.toRealPath() + ": rejected (empty file: no header row); kept the 2 rows of the version");
        assertThat(WarehouseContents.raw(spark, warehouse, "orders").count()).isEqualTo(2);
        assertThat(WarehouseContents.raw(spark, warehouse, "refunds").count()).isEqualTo(1);
        // the tables were rebuilt with this run's settings: they are the warehouse's now, as after a success
        assertThat(Files.readString(warehouse.resolve("config.yaml"))).contains("window-days: 14");

        // pipeline stops after ingest: no metrics from an export that did not arrive
        Result pipeline = run("pipeline", "--input", in.toString(), "--warehouse", warehouse.toString(),
                "--reports", dir.resolve("reports").toString());
        assertThat(pipeline.exit).isEqualTo(1);
        assertThat(pipeline.err).contains("orders.csv: rejected (empty file: no header row)");
        assertThat(warehouse.resolve("metrics")).doesNotExist();
    }

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, err.toString());
    }
}
