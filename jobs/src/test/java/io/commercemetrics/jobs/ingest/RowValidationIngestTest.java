package io.commercemetrics.jobs.ingest;

import static io.commercemetrics.jobs.ingest.IngestFixtures.ORDERS_HEADER;
import static io.commercemetrics.jobs.ingest.IngestFixtures.stagedQuarantine;
import static io.commercemetrics.jobs.ingest.IngestFixtures.stagedRows;
import static io.commercemetrics.jobs.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row-level rules of DATA.md, one reason per line of a tiny orders export (no Spark). */
class RowValidationIngestTest {

    @TempDir
    Path tmp;

    @Test
    void everyRowRuleQuarantinesWithEveryReasonAndKeepsLineAndRawText() throws Exception {
        Path in = tmp.resolve("in");
        Path orders = write(in, "orders.csv", ORDERS_HEADER + "\n"
                + "o1,c1,2026-10-03T21:15:00+08:00,paid,CNY,100.00,10.00,search\n"      // 2 valid
                + "o2,c2,2026-10-03 21:15Z,paid,CNY, 12.00,,ads\n"                       // 3 value not trimmed
                + "o3,c3,2026-02-30T10:00:00Z,shipped,usd,50,60,ads\n"                   // 4 three reasons
                + "o4,,2026-10-04T10:00:00Z,lost,CNY,1e3,,email\n"                       // 5 three reasons
                + "o5,c5,2026-10-04T10:00:00Z,paid,CNY,1.1234567890123456789,,email\n"   // 6 19 places
                + "o6,c6,2026-10-04T10:00:00Z,paid,CNY,-1,,email\n"                      // 7 negative
                + "o7,c7,2026-10-04T10:00:00Z,paid,CNY,+1,,email\n"                      // 8 sign +
                + "o8,c8,2026-10-04T10:00:00Z,paid,CNY,\"1,000.00\",,email\n"            // 9 thousands separator
                + "o9,c9,\"2026-10-04T10:00:00Z\"x,paid,CNY,1,,email\n"                  // 10 quote error
                + "o10,c10,2026-10-04T10:00:00.123456+05:30,delivered,CNY,5.5,0.5,direct\n" // 11 valid
                + "o11,c11,2026-10-04T10:00,placed,CNY,NaN,,email\n"                     // 12 NaN
                + "o12,c12,2026-10-04T10:00:00Z,paid,CNY,1,email\n");                   // 13 7 fields
        Path wh = tmp.resolve("wh");
        SourceResult result = IngestFixtures.run(in, wh, "run1").ingestSource("orders");

        FileResult file = result.files().get(0);
        // 12 records: o1 and o10 pass, the 10 others fail
        assertThat(file.rowsRead()).isEqualTo(12);
        assertThat(file.accepted()).isEqualTo(2);
        assertThat(file.quarantined()).isEqualTo(10);
        assertThat(file.rowsRead()).isEqualTo(file.accepted() + file.quarantined());

        Map<Long, Map<String, String>> byLine = new java.util.TreeMap<>();
        for (Map<String, String> q : stagedQuarantine(wh, "orders", "orders.csv")) {
            byLine.put(Long.parseLong(q.get("line")), q);
            assertThat(q.get("run_id")).isEqualTo("run1");
            // a file is identified by its location (issue 8): the quarantine names the full path
            assertThat(q.get("file")).isEqualTo(IngestFixtures.location(orders));
        }
        assertThat(byLine.keySet()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 12L, 13L);
        assertThat(byLine.get(3L).get("reasons")).isEqualTo("gross_amount is not a decimal (-digits.digits): \" 12.00\"");
        assertThat(byLine.get(3L).get("raw")).isEqualTo("o2,c2,2026-10-03 21:15Z,paid,CNY, 12.00,,ads");
        assertThat(byLine.get(4L).get("reasons")).isEqualTo(
                "order_ts is not an ISO-8601 timestamp: \"2026-02-30T10:00:00Z\"; "
                        + "currency must be an ISO 4217 currency code (e.g. CNY, USD, EUR): \"usd\"; "
                        + "discount_amount 60 must not exceed gross_amount 50");
        assertThat(byLine.get(5L).get("reasons")).isEqualTo("customer_id is required; "
                + "status must be one of placed, paid, shipped, delivered, cancelled: \"lost\"; "
                + "gross_amount is not a decimal (-digits.digits): \"1e3\"");
        assertThat(byLine.get(6L).get("reasons")).startsWith("gross_amount has more than 18 decimal places");
        assertThat(byLine.get(7L).get("reasons")).isEqualTo("gross_amount must be >= 0: \"-1\"");
        assertThat(byLine.get(8L).get("reasons")).startsWith("gross_amount is not a decimal");
        assertThat(byLine.get(9L).get("reasons")).isEqualTo("gross_amount is not a decimal (-digits.digits): \"1,000.00\"");
        assertThat(byLine.get(13L).get("reasons")).isEqualTo("has 7 fields, the header has 8");
        assertThat(byLine.get(10L).get("reasons")).startsWith("quote error");
        assertThat(byLine.get(10L).get("raw")).isEqualTo("o9,c9,\"2026-10-04T10:00:00Z\"x,paid,CNY,1,,email");
        assertThat(byLine.get(12L).get("reasons")).startsWith("gross_amount is not a decimal");
        assertThat(file.reasons()).containsEntry("gross_amount is not a decimal (-digits.digits)", 5L)
                .containsEntry("wrong number of fields", 1L);

        List<Map<String, String>> rows = stagedRows(wh, "orders", "orders.csv");
        assertThat(rows).extracting(r -> r.get("order_id")).containsExactly("o1", "o10");
        // 21:15 at +08:00 is 13:15 UTC; 10:00:00.123456 at +05:30 is 04:30:00.123456 UTC
        assertThat(rows.get(0).get("order_ts")).isEqualTo(micros("2026-10-03T13:15:00Z"));
        assertThat(rows.get(1).get("order_ts")).isEqualTo(micros("2026-10-04T04:30:00.123456Z"));
        assertThat(rows.get(1).get("_line")).isEqualTo("11");
        assertThat(rows.get(0).get("_raw")).isEqualTo("o1,c1,2026-10-03T21:15:00+08:00,paid,CNY,100.00,10.00,search");
    }

    @Test
    void integersAreDigitsOnlyAndChecksApply() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "order_lines.csv", "order_id,line_no,sku,quantity,unit_price,line_discount\n"
                + "o1,1,A,2,3.50,\n"        // valid, line_discount defaults to 0
                + "o1,2,B,4.0,1,\n"          // quantity 4.0 is not an integer
                + "o1,0,C,1,1,\n"            // line_no must be >= 1
                + "o1,-3,D,1,1,-1\n");       // -3 not digits; line_discount >= 0
        Path wh = tmp.resolve("wh");
        FileResult file = IngestFixtures.run(in, wh, "r").ingestSource("order_lines").files().get(0);
        assertThat(file.accepted()).isEqualTo(1);
        assertThat(file.quarantined()).isEqualTo(3);
        List<Map<String, String>> q = stagedQuarantine(wh, "order_lines", "order_lines.csv");
        assertThat(q).extracting(r -> r.get("reasons")).containsExactly(
                "quantity is not an integer (digits only): \"4.0\"",
                "line_no must be >= 1: \"0\"",
                "line_no is not an integer (digits only): \"-3\"; line_discount must be >= 0: \"-1\"");
        // the default is stored, not null: 0 at scale 18 is the unscaled integer 0
        assertThat(stagedRows(wh, "order_lines", "order_lines.csv").get(0).get("line_discount")).isNotNull();
    }

    @Test
    void aCurrencyMustBeAKnownIso4217CodeInEverySourceThatHasOne() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "orders.csv", ORDERS_HEADER + "\n"
                + "o1,c1,2026-10-03T21:15:00Z,paid,CNY,1,,search\n"
                + "o2,c1,2026-10-03T21:15:00Z,paid,ZZZ,1,,search\n");
        write(in, "refunds.csv", "refund_id,order_id,refund_ts,currency,amount\nR1,o1,2026-10-05T10:00:00Z,ZZZ,1\n");
        write(in, "traffic.csv", "date,channel,visits,spend,currency\n2026-10-01,ads,1,1,ZZZ\n");
        write(in, "payouts.csv", "payout_id,sharer_id,period,amount,currency,paid_ts\n"
                + "P1,u1,2026-10,5,ZZZ,2026-11-01T00:00:00Z\n");
        write(in, "fx_rates.csv", "date,currency,rate_to_reporting\n2026-10-01,ZZZ,7.1\n");
        Path wh = tmp.resolve("wh");
        IngestRun run = IngestFixtures.run(in, wh, "r");
        for (String source : List.of("orders", "refunds", "traffic", "payouts", "fx_rates")) {
            FileResult f = run.ingestSource(source).files().get(0);
            assertThat(f.quarantined()).as(source).isEqualTo(1);
            assertThat(stagedQuarantine(wh, source, source + ".csv")).singleElement().satisfies(q -> assertThat(
                    q.get("reasons")).isEqualTo("currency must be an ISO 4217 currency code (e.g. CNY, USD, EUR): \"ZZZ\""));
        }
    }

    private static String micros(String instant) {
        Instant i = Instant.parse(instant);
        return Long.toString(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000);
    }
}
