package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import static io.commercemetrics.jobs.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-file rules on Spark, idempotency and replacement of a changed file. */
class CrossFileIngestTest {

    @TempDir
    Path tmp;

    private Path exports() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "fx_rates.csv", "date,currency,rate_to_reporting\n"
                + "2026-10-01,USD,7.1\n"
                + "2026-10-01,USD,7.2\n");                                         // duplicate (date, currency)
        write(in, "orders.csv", "order_id,customer_id,order_ts,updated_ts,status,currency,gross_amount,discount_amount,channel\n"
                + "A,c1,2026-10-02T10:00:00Z,2026-10-02T10:00:00Z,placed,CNY,100.00,10.00,ads\n"   // 2 older
                + "A,c1,2026-10-02T10:00:00Z,2026-10-03T10:00:00Z,paid,CNY,100.00,10.00,ads\n"     // 3 newest valid
                + "A,c1,2026-10-02T10:00:00Z,2026-10-04T10:00:00Z,bogus,CNY,100.00,10.00,ads\n"    // 4 invalid newest
                + "B,c2,2026-10-02T10:00:00Z,,placed,CNY,50,,ads\n"                                // 5
                + "B,c2,2026-10-02T10:00:00Z,,shipped,CNY,50,,ads\n"                               // 6 last: wins
                + "C,c3,2026-09-30T10:00:00Z,,paid,USD,20,,ads\n"                                  // 7 before USD's first rate
                + "D,c4,2026-10-02T10:00:00Z,,paid,USD,30,,ads\n"                                  // 8
                + "E,c5,2026-10-02T10:00:00Z,,paid,EUR,30,,ads\n");                                // 9 no EUR rate
        // "orders-z.csv" sorts before "orders.csv" ('-' < '.'): its B is earlier in file order
        write(in, "orders-z.csv", "order_id,customer_id,order_ts,status,currency,gross_amount,channel\n"
                + "B,c2,2026-10-02T10:00:00Z,delivered,CNY,50,ads\n");
        write(in, "order_lines.csv", "order_id,line_no,sku,quantity,unit_price\n"
                + "A,1,s1,1,50\n"
                + "A,1,s2,1,40\n"      // duplicate (A, 1)
                + "C,1,s3,1,20\n"      // C was quarantined: orphan
                + "Z,1,s4,1,1\n"       // orphan
                + "B,1,s5,2,25\n");
        // NMA: A = 100 - 10 = 90, B = 50, D = 30
        write(in, "refunds.csv", "refund_id,order_id,refund_ts,currency,amount\n"
                + "R1,A,2026-10-05T10:00:00Z,CNY,50\n"   // total 50
                + "R2,A,2026-10-06T10:00:00Z,CNY,50\n"   // 50 + 50 = 100 > 90: quarantined
                + "R3,A,2026-10-07T10:00:00Z,CNY,40\n"   // 50 + 40 = 90 <= 90: stands
                + "R1,B,2026-10-05T10:00:00Z,CNY,1\n"    // duplicate refund_id
                + "R4,Q,2026-10-05T10:00:00Z,CNY,1\n"    // unknown order
                + "R5,B,2026-10-05T10:00:00Z,USD,1\n"    // B is in CNY
                + "R6,D,2026-09-20T10:00:00Z,USD,5\n"    // no USD rate on or before 09-20
                + "R7,D,2026-10-05T10:00:00Z,USD,30\n"); // 30 <= 30
        write(in, "shares.csv", "share_id,sharer_id,parent_share_id,share_ts\n"
                + "S1,u1,S2,2026-10-01T00:00:00Z\n"      // loop S1 -> S2 -> S1
                + "S2,u2,S1,2026-10-01T00:00:00Z\n"
                + "S3,u3,S1,2026-10-01T00:00:00Z\n"      // leads into the loop: kept
                + "S4,u4,S4,2026-10-01T00:00:00Z\n"      // its own parent
                + "S5,u5,NOPE,2026-10-01T00:00:00Z\n"    // unknown parent: kept
                + "S3,u9,,2026-10-02T00:00:00Z\n");      // duplicate
        write(in, "traffic.csv", "date,channel,visits,spend,currency\n"
                + "2026-10-01,ads,10,5.00,USD\n"
                + "2026-09-30,ads,10,5.00,USD\n"         // no rate
                + "2026-09-30,ads,10,5.00,CNY\n");
        write(in, "payouts.csv", "payout_id,sharer_id,period,amount,currency,paid_ts\n"
                + "P1,u1,2026-10,5,CNY,2026-11-01T00:00:00Z\n"
                + "P1,u1,2026-10,5,CNY,2026-11-01T00:00:00Z\n");
        write(in, "share_clicks.csv", "click_id,share_id,visitor_id,click_ts\n"
                + "K1,S3,v1,2026-10-01T00:00:00Z\n"
                + "K1,S3,v1,2026-10-01T00:00:00Z\n");
        return in;
    }

    private static final String[] CNY = {"reporting.currency=CNY"};

    @Test
    void crossFileRulesThenIdempotentRerunThenReplacedFile() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path in = exports();
        Path wh = tmp.resolve("wh");

        IngestSummary first = IngestFixtures.run(in, wh, "run1", CNY).runAll(spark);
        Map<String, Long> expectedRaw = new TreeMap<>(Map.of("fx_rates", 1L, "orders", 3L, "order_lines", 2L,
                "refunds", 3L, "shares", 2L, "share_clicks", 1L, "reviews", 0L, "traffic", 2L, "payouts", 1L));
        assertThat(new TreeMap<>(first.crossFile().rawRows())).isEqualTo(expectedRaw);
        // row-level: orders.csv line 4; cross-file: fx 1, orders 2, lines 3, refunds 5, shares 4, traffic 1,
        // payouts 1, clicks 1 = 18
        assertThat(first.crossFile().quarantineRows()).isEqualTo(19);
        for (FileResult f : first.files()) {
            assertThat(f.rowsRead()).as(f.file()).isEqualTo(f.accepted() + f.quarantined());
        }
        FileResult orders = first.file("orders", "orders.csv");
        // 8 read: line 4 invalid, C and E without rates; A:2 and B:5 replaced by newer versions
        assertThat(orders.quarantined()).isEqualTo(3);
        assertThat(orders.accepted()).isEqualTo(5);
        assertThat(orders.superseded()).isEqualTo(2);
        assertThat(orders.reasons()).containsEntry("no fx rate", 2L);
        assertThat(first.file("orders", "orders-z.csv").superseded()).isEqualTo(1);

        Map<String, String> statusById = new TreeMap<>();
        for (Row r : WarehouseContents.raw(spark, wh, "orders").collectAsList()) {
            statusById.put(r.getAs("order_id"), r.getAs("status"));
        }
        assertThat(statusById).isEqualTo(Map.of("A", "paid", "B", "shipped", "D", "paid"));
        assertThat(ids(spark, wh, "refunds", "refund_id")).containsExactly("R1", "R3", "R7");
        assertThat(ids(spark, wh, "shares", "share_id")).containsExactly("S3", "S5");
        assertThat(WarehouseContents.raw(spark, wh, "order_lines").columns())
                .containsExactly("order_id", "line_no", "sku", "category", "quantity", "unit_price", "line_discount",
                        "_source_file", "_line");

        Map<String, String> reasonByRefundLine = new TreeMap<>();
        Map<String, String> rawByRefundLine = new TreeMap<>();
        for (Row r : WarehouseContents.quarantine(spark, wh).collectAsList()) {
            assertThat((String) r.getAs("run_id")).isEqualTo("run1");
            if ("refunds".equals(r.getAs("source"))) {
                reasonByRefundLine.put(String.valueOf((Long) r.getAs("line")), r.getAs("reasons"));
                rawByRefundLine.put(String.valueOf((Long) r.getAs("line")), r.getAs("raw"));
            }
        }
        // a row a cross-file rule rejects shows its line as the file had it
        assertThat(rawByRefundLine).containsEntry("3", "R2,A,2026-10-06T10:00:00Z,CNY,50")
                .containsEntry("5", "R1,B,2026-10-05T10:00:00Z,CNY,1")
                .containsEntry("6", "R4,Q,2026-10-05T10:00:00Z,CNY,1");
        assertThat(reasonByRefundLine).containsOnlyKeys("3", "5", "6", "7", "8");
        assertThat(reasonByRefundLine.get("3")).isEqualTo("refunds of order A would exceed its net merchandise "
                + "amount 90 (already refunded 50, this refund 50)");
        assertThat(reasonByRefundLine.get("5")).isEqualTo("duplicate refund_id (R1): the first row stands at "
                + IngestFixtures.location(in.resolve("refunds.csv")) + ":2");
        assertThat(reasonByRefundLine.get("6")).isEqualTo("unknown order Q");
        assertThat(reasonByRefundLine.get("7")).isEqualTo("currency USD differs from the order's CNY");
        assertThat(reasonByRefundLine.get("8")).isEqualTo("no fx rate for USD to CNY on or before 2026-09-20");

        IngestSummary again = IngestFixtures.run(in, wh, "run2", CNY).runAll(spark);
        assertThat(again.files()).allSatisfy(f -> assertThat(f.change()).isEqualTo(FileResult.Change.UNCHANGED));
        assertThat(new TreeMap<>(again.crossFile().rawRows())).isEqualTo(expectedRaw);
        assertThat(again.crossFile().quarantineRows()).isEqualTo(19);

        write(in, "refunds.csv", "refund_id,order_id,refund_ts,currency,amount\nR1,A,2026-10-05T10:00:00Z,CNY,50\n");
        IngestSummary changed = IngestFixtures.run(in, wh, "run3", CNY).runAll(spark);
        assertThat(changed.file("refunds", "refunds.csv").change()).isEqualTo(FileResult.Change.CHANGED);
        assertThat(changed.crossFile().rawRows()).containsEntry("refunds", 1L);
        // the five refund rejections of the old file are gone with it
        assertThat(changed.crossFile().quarantineRows()).isEqualTo(14);

        Path manifest = IngestFixtures.run(in, wh, "run4", CNY).writeManifest("reporting:\n  currency: CNY\n");
        assertThat(manifest.getFileName().toString()).matches("ingest-\\d{8}-\\d{6}-run4\\.json");
        assertThat(IngestSummaryTable.render(changed)).contains("refunds.csv").contains("changed");
    }

    @Test
    void severalCurrenciesWithoutAReportingCurrencySkipTheFxCheckWithAWarning() throws Exception {
        Path in = tmp.resolve("in2");
        write(in, "orders.csv", "order_id,customer_id,order_ts,status,currency,gross_amount,channel\n"
                + "A,c1,2026-10-02T10:00:00Z,paid,CNY,1,ads\n"
                + "B,c1,2026-10-02T10:00:00Z,paid,USD,1,ads\n");
        write(in, "orders-bad.csv", "order_id,status\nX,paid\n");
        Path wh = tmp.resolve("wh2");
        IngestSummary s = IngestFixtures.run(in, wh, "r").runAll(SharedSpark.session());
        assertThat(s.crossFile().rawRows()).containsEntry("orders", 2L);
        // the rejected file is one quarantine entry with no line and no raw text
        List<Row> quarantine = WarehouseContents.quarantine(SharedSpark.session(), wh).collectAsList();
        assertThat(quarantine).singleElement().satisfies(r -> {
            assertThat((String) r.getAs("file")).isEqualTo(location(in.resolve("orders-bad.csv")));
            assertThat((Object) r.getAs("line")).isNull();
            assertThat((String) r.getAs("reasons")).isEqualTo("file rejected: missing required column: "
                    + "customer_id, order_ts, currency, gross_amount, channel");
        });
        assertThat(s.crossFile().reportingCurrency()).isNull();
        assertThat(s.crossFile().warnings()).singleElement().asString().contains("CNY, USD");
    }

    private static String location(Path file) throws java.io.IOException {
        return IngestFixtures.location(file);
    }

    private static List<String> ids(SparkSession spark, Path wh, String table, String column) {
        return WarehouseContents.raw(spark, wh, table).select(column).orderBy(column)
                .collectAsList().stream().map(r -> r.getString(0)).toList();
    }
}
