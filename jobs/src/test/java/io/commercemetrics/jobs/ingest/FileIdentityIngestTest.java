package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import static io.commercemetrics.jobs.ingest.IngestFixtures.location;
import static io.commercemetrics.jobs.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 points 3, 4 and 6: files are identified by location; a rejected re-export removes nothing. */
class FileIdentityIngestTest {

    private static final String ORDERS = "order_id,customer_id,order_ts,status,currency,gross_amount,channel\n";
    private static final String LINES = "order_id,line_no,sku,quantity,unit_price\n";

    @TempDir
    Path tmp;

    @Test
    void aRejectedReExportKeepsTheRowsOfTheVersionBeforeUntilACorrectedOneReplacesThem() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path in = tmp.resolve("in");
        Path orders = write(in, "orders.csv", ORDERS + order("A") + order("B") + order("C"));
        write(in, "order_lines.csv", LINES + "A,1,s,1,10\nB,1,s,1,10\nC,1,s,1,10\n");
        Path wh = tmp.resolve("wh");
        IngestFixtures.run(in, wh, "run1").runAll(spark);

        write(in, "orders.csv", "");
        IngestSummary rejected = IngestFixtures.run(in, wh, "run2").runAll(spark);
        FileResult file = rejected.file("orders", "orders.csv");
        assertThat(file.rejected()).isTrue();
        assertThat(file.rowsRead()).isEqualTo(file.accepted() + file.quarantined());
        assertThat(file.outcome()).startsWith("orders.csv: rejected (empty file: no header row); "
                + "kept the 3 rows of the version ingested on ").endsWith(" UTC");
        // nothing is lost: the orders stand, so their lines are no orphans
        assertThat(rejected.crossFile().rawRows()).containsEntry("orders", 3L).containsEntry("order_lines", 3L);
        List<Row> quarantine = WarehouseContents.quarantine(spark, wh).collectAsList();
        assertThat(quarantine).singleElement().satisfies(r -> {
            assertThat((String) r.getAs("file")).isEqualTo(location(orders));
            assertThat((String) r.getAs("reasons")).isEqualTo("file rejected: empty file: no header row");
        });
        assertThat(IngestSummaryTable.render(rejected)).contains("REJECTED")
                .contains("    at " + location(orders))
                .contains("    orders.csv: rejected (empty file: no header row); kept the 3 rows of the version");
        assertThat(new FilesRejectedException(rejected).getMessage()).startsWith("1 input file was rejected whole "
                + "(every other file was read and the warehouse rebuilt): " + location(orders)
                + ": rejected (empty file: no header row); kept the 3 rows");

        // the same broken bytes again: still rejected, still nothing removed
        assertThat(IngestFixtures.run(in, wh, "run3").runAll(spark).crossFile().rawRows()).containsEntry("orders", 3L);

        // corrected: D added, and E in USD, which has no fx rate to CNY (a cross-file rejection)
        write(in, "orders.csv", ORDERS + order("A") + order("B") + order("C") + order("D")
                + "E,cE,2026-10-02T10:00:00Z,paid,USD,10,ads\n");
        IngestRun run4 = IngestFixtures.run(in, wh, "run4", "reporting.currency=CNY");
        IngestSummary corrected = run4.runAll(spark);
        FileResult replaced = corrected.file("orders", "orders.csv");
        assertThat(replaced.change()).isEqualTo(FileResult.Change.CHANGED);
        // the figures the summary row shows: 4 accepted after the cross-file rules
        assertThat(replaced.accepted()).isEqualTo(4);
        assertThat(replaced.outcome()).isEqualTo("orders.csv: replaced 3 rows by 4");
        assertThat(IngestSummaryTable.render(corrected)).contains("    orders.csv: replaced 3 rows by 4");
        assertThat(corrected.crossFile().rawRows()).containsEntry("orders", 4L);
        // the rejection went with the broken version; E is the one quarantined row
        assertThat(corrected.crossFile().quarantineRows()).isEqualTo(1);
        String manifest = Files.readString(run4.writeManifest(""));
        assertThat(manifest).contains("\"path\" : \"" + location(orders) + "\"")
                .contains("\"replacements\" : [ \"orders.csv: replaced 3 rows by 4\" ]");
        // rejected again: what is kept is named as that version's summary showed it (4, not the 5 read)
        write(in, "orders.csv", "");
        assertThat(IngestFixtures.run(in, wh, "run5", "reporting.currency=CNY").runAll(spark)
                .file("orders", "orders.csv").outcome()).contains("kept the 4 rows of the version");
    }

    @Test
    void filesOfTheSameNameFromDifferentFoldersAreDifferentFiles() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path september = write(tmp.resolve("2026-09"), "orders.csv", ORDERS + order("A") + order("B"));
        Path october = write(tmp.resolve("2026-10"), "orders.csv", ORDERS + order("C"));
        Path wh = tmp.resolve("wh");
        IngestSummary both = new IngestRun(new IngestOptions(List.of(september.getParent(), october.getParent()), wh,
                IngestFixtures.config(), "run1", line -> { })).runAll(spark);
        assertThat(both.files()).extracting(FileResult::path).containsExactly(location(september), location(october));
        assertThat(both.notices()).isEmpty();
        assertThat(both.crossFile().rawRows()).containsEntry("orders", 3L);
        assertThat(IngestSummaryTable.render(both)).contains("2026-09/orders.csv").contains("2026-10/orders.csv");

        // a later run with another folder's orders.csv adds to the earlier ones, replacing nothing
        Path november = write(tmp.resolve("2026-11"), "orders.csv", ORDERS + order("D"));
        IngestSummary later = IngestFixtures.run(november.getParent(), wh, "run2").runAll(spark);
        assertThat(later.file("orders", "orders.csv").change()).isEqualTo(FileResult.Change.NEW);
        assertThat(later.crossFile().rawRows()).containsEntry("orders", 4L);
    }

    @Test
    void aDanglingLinkAmongTheInputsIsRejectedWithItsReasonAndTheRestIsRead() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path in = tmp.resolve("in");
        write(in, "orders.csv", ORDERS + order("A"));
        Files.createSymbolicLink(in.resolve("orders-old.csv"), tmp.resolve("gone.csv"));
        Path wh = tmp.resolve("wh");
        IngestSummary s = IngestFixtures.run(in, wh, "run1").runAll(spark);
        assertThat(s.file("orders", "orders-old.csv").rejection())
                .isEqualTo("dangling symbolic link: it points to " + tmp.resolve("gone.csv") + ", which does not exist");
        assertThat(s.crossFile().rawRows()).containsEntry("orders", 1L);
        assertThat(s.crossFile().quarantineRows()).isEqualTo(1);
    }

    @Test
    void theFileBackToTheBytesThatStandIsUnchangedAndItsRejectionGoes() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path in = tmp.resolve("in");
        String good = ORDERS + order("A");
        write(in, "orders.csv", good);
        Path wh = tmp.resolve("wh");
        IngestFixtures.run(in, wh, "run1").runAll(spark);
        write(in, "orders.csv", "order_id\nA\n");
        assertThat(IngestFixtures.run(in, wh, "run2").runAll(spark).file("orders", "orders.csv").rejection())
                .startsWith("missing required column");
        write(in, "orders.csv", good);
        IngestSummary back = IngestFixtures.run(in, wh, "run3").runAll(spark);
        assertThat(back.file("orders", "orders.csv").change()).isEqualTo(FileResult.Change.UNCHANGED);
        assertThat(back.rejectedFiles()).isZero();
        assertThat(back.crossFile().quarantineRows()).isZero();
        assertThat(back.crossFile().rawRows()).containsEntry("orders", 1L);
    }

    @Test
    void aDanglingLinkNamedAsAnInputIsDiscoveredToBeRejected() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("orders.csv"), tmp.resolve("gone.csv"));
        DiscoveredFiles found = FileDiscovery.discover(List.of(link));
        assertThat(found.filesOf("orders")).singleElement().satisfies(f -> assertThat(f.location())
                .isEqualTo(link.toAbsolutePath()));
        assertThat(found.notices()).isEmpty();
    }

    @Test
    void aRegistryKeyedByNameIsTakenOverByTheFirstFileOfThatName() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path in = tmp.resolve("in");
        Path orders = write(in, "orders.csv", ORDERS + order("A") + order("B"));
        Path wh = tmp.resolve("wh");
        IngestFixtures.run(in, wh, "run1").runAll(spark);
        // turn the warehouse into what an older version wrote: staged under staging/orders/orders.csv, no path
        Path staging = wh.resolve("staging");
        Files.move(IngestFixtures.stagingFolder(wh, "orders", "orders.csv"), staging.resolve("orders/orders.csv"));
        String registry = Files.readString(staging.resolve("files.json"))
                .replaceAll("\"path\" : \"[^\"]*\",", "").replaceAll("\"folder\" : \"[^\"]*\",", "");
        Files.writeString(staging.resolve("files.json"), registry);
        assertThat(registry).doesNotContain(location(orders));

        write(in, "orders.csv", ORDERS + order("A") + order("B") + order("C"));
        IngestSummary s = IngestFixtures.run(in, wh, "run2").runAll(spark);
        assertThat(s.file("orders", "orders.csv").outcome()).isEqualTo("orders.csv: replaced 2 rows by 3");
        assertThat(s.crossFile().rawRows()).containsEntry("orders", 3L);
        assertThat(Files.readString(staging.resolve("files.json"))).contains(location(orders));
        Map<String, Long> counts = Map.of("orders", 3L);
        assertThat(IngestFixtures.run(in, wh, "run3").runAll(spark).crossFile().rawRows()).containsAllEntriesOf(counts);
    }

    private static String order(String id) {
        return id + ",c" + id + ",2026-10-02T10:00:00Z,paid,CNY,10,ads\n";
    }
}
