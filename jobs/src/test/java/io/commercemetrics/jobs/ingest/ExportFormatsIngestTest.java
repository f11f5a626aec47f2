package io.commercemetrics.jobs.ingest;

import static io.commercemetrics.jobs.ingest.IngestFixtures.stagedQuarantine;
import static io.commercemetrics.jobs.ingest.IngestFixtures.stagedRows;
import static io.commercemetrics.jobs.ingest.IngestFixtures.write;
import static io.commercemetrics.jobs.ingest.IngestFixtures.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every accepted format variant and every whole-file rejection of DATA.md (no Spark). */
class ExportFormatsIngestTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path tmp;

    @Test
    void quotedNewlineCommaAndDoubledQuoteKeepRawTextAndLines() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "reviews.csv", "review_id,order_id,customer_id,rating,review_ts,body\r\n"
                + "r1,o1,c1,5,2026-10-05T10:00:00Z,\"Great, really \"\"great\"\"\r\nsecond line\"\r\n"
                + "\r\n"
                + "r2,o1,c1,6,2026-10-05T10:00:00Z,plain\r\n");
        Path wh = tmp.resolve("wh");
        FileResult f = IngestFixtures.run(in, wh, "r").ingestSource("reviews").files().get(0);
        assertThat(f.accepted()).isEqualTo(1);
        Map<String, String> row = stagedRows(wh, "reviews", "reviews.csv").get(0);
        assertThat(row.get("body")).isEqualTo("Great, really \"great\"\r\nsecond line");
        assertThat(row.get("_line")).isEqualTo("2");
        // r1 spans lines 2-3, line 4 is empty, so r2 starts on line 5
        Map<String, String> q = stagedQuarantine(wh, "reviews", "reviews.csv").get(0);
        assertThat(q.get("line")).isEqualTo("5");
        assertThat(q.get("raw")).isEqualTo("r2,o1,c1,6,2026-10-05T10:00:00Z,plain");
        assertThat(q.get("reasons")).isEqualTo("rating must be <= 5: \"6\"");
    }

    @Test
    void reorderedUpperCaseHeadersBomGzipAndOffsetlessTimestamps() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "shares.csv", ("\uFEFFSHARE_TS,Sharer_ID,share_id,Colour\n"
                + "2026-10-05T08:00:00+08:00,u1,s1,red\n").getBytes(StandardCharsets.UTF_8));
        writeGzip(in, "share_clicks-oct.csv.gz", "click_id,share_id,visitor_id,click_ts\n"
                + "k1,s1,v1,2026-10-05 08:00:00\n"
                + "k2,s1,v2,2026-10-05T08:00:00Z\n", StandardCharsets.UTF_8);
        Path wh = tmp.resolve("wh");
        IngestRun run = IngestFixtures.run(in, wh, "r", "source.time-zone=Asia/Shanghai");
        FileResult shares = run.ingestSource("shares").files().get(0);
        assertThat(shares.accepted()).isEqualTo(1);
        assertThat(shares.warnings()).containsExactly("unknown columns ignored: Colour");
        assertThat(stagedRows(wh, "shares", "shares.csv").get(0).get("sharer_id")).isEqualTo("u1");

        FileResult clicks = run.ingestSource("share_clicks").files().get(0);
        assertThat(clicks.accepted()).isEqualTo(2);
        assertThat(clicks.warnings()).containsExactly("1 click_ts values without an offset, read in Asia/Shanghai");
        // 08:00 in Shanghai (+08:00) is 00:00 UTC; k2 carries Z and stays 08:00 UTC
        List<Map<String, String>> rows = stagedRows(wh, "share_clicks", "share_clicks-oct.csv.gz");
        assertThat(rows.get(0).get("click_ts")).isEqualTo(micros("2026-10-05T00:00:00Z"));
        assertThat(rows.get(1).get("click_ts")).isEqualTo(micros("2026-10-05T08:00:00Z"));
    }

    @Test
    void jsonLinesValuesAreReadByTheirText() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "order_lines.jsonl", ""
                + "{\"order_id\":\"o1\",\"line_no\":1,\"sku\":\"A\",\"quantity\":2,\"unit_price\":\"3.50\"}\n"
                + "{\"order_id\":\"o1\",\"line_no\":4.0,\"sku\":\"B\",\"quantity\":1,\"unit_price\":1}\n"
                + "\n"
                + "{\"order_id\":\"o1\",\"LINE_NO\":3,\"sku\":\"C\",\"quantity\":1,\"unit_price\":2.25,\"colour\":\"red\"}\n"
                + "{not json\n");
        Path wh = tmp.resolve("wh");
        FileResult f = IngestFixtures.run(in, wh, "r").ingestSource("order_lines").files().get(0);
        assertThat(f.rowsRead()).isEqualTo(4);
        assertThat(f.accepted()).isEqualTo(2);
        assertThat(f.quarantined()).isEqualTo(2);
        assertThat(f.warnings()).containsExactly("unknown columns ignored: colour");
        List<Map<String, String>> q = stagedQuarantine(wh, "order_lines", "order_lines.jsonl");
        assertThat(q).extracting(r -> r.get("line")).containsExactly("2", "5");
        assertThat(q.get(0).get("reasons")).isEqualTo("line_no is not an integer (digits only): \"4.0\"");
        assertThat(q.get(1).get("reasons")).startsWith("not valid JSON");
        assertThat(q.get(1).get("raw")).isEqualTo("{not json");
    }

    @Test
    void parquetValuesGoThroughTheSameRules() throws Exception {
        Path in = tmp.resolve("in");
        java.nio.file.Files.createDirectories(in);
        MessageType schema = MessageTypeParser.parseMessageType("message payouts {"
                + " required binary payout_id (STRING); required binary sharer_id (STRING);"
                + " required binary period (STRING); required int64 amount (DECIMAL(10,2));"
                + " required binary currency (STRING);"
                + " required int64 paid_ts (TIMESTAMP(MICROS,true)); }");
        Path file = in.resolve("payouts.parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withType(schema).withConf(new Configuration()).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            long paid = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond() * 1_000_000L;
            w.write(groups.newGroup().append("payout_id", "p1").append("sharer_id", "u1").append("period", "2026-10")
                    .append("amount", -500L).append("currency", "CNY").append("paid_ts", paid));
            w.write(groups.newGroup().append("payout_id", "p2").append("sharer_id", "u1").append("period", "2026-13")
                    .append("amount", 1250L).append("currency", "CNY").append("paid_ts", paid));
        }
        write(in, "payouts-garbage.parquet", "not parquet at all");
        Path wh = tmp.resolve("wh");
        SourceResult payouts = IngestFixtures.run(in, wh, "r").ingestSource("payouts");
        assertThat(payouts.files().get(0).rejection()).isEqualTo("not a readable Parquet file: is not a Parquet file. "
                + "Expected magic number at tail, but found [32, 97, 108, 108]");
        FileResult f = payouts.files().get(1);
        assertThat(f.accepted()).isEqualTo(1);
        assertThat(f.quarantined()).isEqualTo(1);
        Map<String, String> q = stagedQuarantine(wh, "payouts", "payouts.parquet").get(0);
        assertThat(q.get("line")).isEqualTo("2");
        assertThat(q.get("reasons")).isEqualTo("period must be a month YYYY-MM: \"2026-13\"");
        // amount 1250 at scale 2 is 12.50
        assertThat(q.get("raw")).contains("\"amount\":\"12.50\"").contains("\"paid_ts\":\"2026-11-01T00:00:00Z\"");
    }

    @Test
    void gb18030IsReadOnlyWhenTheEncodingIsGiven() throws Exception {
        String text = "review_id,order_id,customer_id,rating,review_ts,title\nr1,o1,c1,5,2026-10-05T10:00:00Z,你好，很好\n";
        Path in = tmp.resolve("in");
        write(in, "reviews-cn.csv", text.getBytes(GB18030));
        Path wh = tmp.resolve("wh");

        FileResult without = IngestFixtures.run(in, wh, "r1").ingestSource("reviews").files().get(0);
        assertThat(without.rejection()).startsWith("not valid UTF-8").contains("--encoding");
        assertThat(stagedQuarantine(wh, "reviews", "reviews-cn.csv")).singleElement()
                .satisfies(q -> assertThat(q.get("line")).isNull());

        FileResult with = IngestFixtures.run(in, wh, "r2", "source.encoding=GB18030").ingestSource("reviews")
                .files().get(0);
        assertThat(with.change()).isEqualTo(FileResult.Change.CHANGED);
        assertThat(with.rejected()).isFalse();
        assertThat(stagedRows(wh, "reviews", "reviews-cn.csv").get(0).get("title")).isEqualTo("你好，很好");
        assertThat(stagedQuarantine(wh, "reviews", "reviews-cn.csv")).isEmpty();
    }

    @Test
    void wholeFileRejectionsLeaveTheOtherFilesRunning() throws Exception {
        Path in = tmp.resolve("in");
        String traffic = "date,channel,visits,spend,currency\n2026-10-01,ads,10,5.00,CNY\n";
        byte[] gz = gzip(traffic);
        write(in, "traffic-broken.csv.gz", Arrays.copyOf(gz, gz.length - 12));
        write(in, "traffic-dup.csv", "date,channel,visits,spend,currency,Visits\n2026-10-01,ads,1,1,CNY,2\n");
        write(in, "traffic-missing.csv", "date,channel,visits,currency\n2026-10-01,ads,1,CNY\n");
        write(in, "traffic-latin1.csv", (traffic + "2026-10-02,caf\u00e9,1,1,CNY\n").getBytes(StandardCharsets.ISO_8859_1));
        write(in, "traffic.csv", traffic);
        Path wh = tmp.resolve("wh");
        SourceResult r = IngestFixtures.run(in, wh, "r").ingestSource("traffic");
        assertThat(r.files()).extracting(FileResult::file).containsExactly("traffic-broken.csv.gz",
                "traffic-dup.csv", "traffic-latin1.csv", "traffic-missing.csv", "traffic.csv");
        assertThat(r.files().get(0).rejection()).startsWith("broken gzip");
        assertThat(r.files().get(1).rejection()).isEqualTo("repeated column: Visits");
        assertThat(r.files().get(2).rejection()).startsWith("not valid UTF-8");
        assertThat(r.files().get(3).rejection()).isEqualTo("missing required column: spend");
        assertThat(r.files().get(4).accepted()).isEqualTo(1);
        for (FileResult f : r.files().subList(0, 4)) {
            assertThat(stagedRows(wh, "traffic", f.file())).isEmpty();
            assertThat(stagedQuarantine(wh, "traffic", f.file())).singleElement()
                    .satisfies(q -> assertThat(q.get("reasons")).isEqualTo("file rejected: " + f.rejection()));
        }
    }

    @Test
    void discoveryMatchesNamesExactlyAndEntersNoSubfolder() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "orders.csv", "x");
        write(in, "orders-2026-10.jsonl.gz", "x");
        write(in, "order_lines.parquet", "x");
        write(in, "Orders.csv", "x");
        write(in, "orders.txt", "x");
        write(in, "README.md", "x");
        write(in, "commerce-metrics.yaml", "x");
        write(in.resolve("old"), "orders.csv", "x");
        DiscoveredFiles found = FileDiscovery.discover(List.of(in));
        assertThat(found.filesOf("orders")).extracting(ExportFile::name)
                .containsExactly("orders-2026-10.jsonl.gz", "orders.csv");
        assertThat(found.filesOf("orders").get(0).gzip()).isTrue();
        assertThat(found.filesOf("orders").get(0).format()).isEqualTo(ExportFormat.JSONL);
        assertThat(found.filesOf("order_lines")).extracting(ExportFile::format).containsExactly(ExportFormat.PARQUET);
        assertThat(found.notices()).hasSize(3)
                .anySatisfy(n -> assertThat(n).contains("Orders.csv"))
                .anySatisfy(n -> assertThat(n).contains("orders.txt"))
                .anySatisfy(n -> assertThat(n).startsWith("subfolder not read"));
    }

    private static byte[] gzip(String text) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String micros(String instant) {
        return Long.toString(Instant.parse(instant).getEpochSecond() * 1_000_000L);
    }
}
