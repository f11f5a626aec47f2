package io.commercemetrics.jobs.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** The inputs of the bad-input corpus that are too big to commit or cannot be committed (a dangling link). */
final class CorpusGenerator {

    private static final long PAID = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond() * 1_000_000L;

    private CorpusGenerator() {
    }

    static void generate(String kind, Path in) throws Exception {
        switch (kind) {
            case "ten-megabyte-field" -> Files.writeString(in.resolve("reviews.csv"),
                    "review_id,order_id,customer_id,rating,review_ts,body\n"
                            + "r1,o1,c1,5,2026-10-05T10:00:00Z,\"" + "很好, \"\"great\"\"\n".repeat(10 * 1024 * 1024 / 16)
                            + "\"\n", StandardCharsets.UTF_8);
            case "parquet-missing-column" -> payouts(in, "message payouts { required binary payout_id (STRING);"
                    + " required binary sharer_id (STRING); required binary period (STRING);"
                    + " required int64 amount (DECIMAL(10,2)); required int64 paid_ts (TIMESTAMP(MICROS,true)); }",
                    (g, i) -> g.append("amount", 500L + i));
            case "parquet-mistyped-column" -> payouts(in, "message payouts { required binary payout_id (STRING);"
                    + " required binary sharer_id (STRING); required binary period (STRING);"
                    + " required double amount; required binary currency (STRING);"
                    + " required int64 paid_ts (TIMESTAMP(MICROS,true)); }",
                    (g, i) -> g.append("amount", 0.1 + i).append("currency", "CNY"));
            case "dangling-symlink" -> {
                Files.writeString(in.resolve("orders.csv"), IngestFixtures.ORDERS_HEADER
                        + "\no1,c1,2026-10-03T21:15:00Z,paid,CNY,1,,search\n");
                Files.createSymbolicLink(in.resolve("orders-old.csv"), in.resolve("orders-2026-09.csv"));
            }
            default -> throw new IllegalArgumentException("no generator " + kind);
        }
    }

    private interface Columns {
        Group fill(Group group, int row);
    }

    private static void payouts(Path in, String schemaText, Columns columns) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(schemaText);
        Path file = in.resolve("payouts.parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withType(schema).withConf(new Configuration()).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int i = 0; i < 2; i++) {
                Group g = groups.newGroup().append("payout_id", "p" + i).append("sharer_id", "u1")
                        .append("period", "2026-10").append("paid_ts", PAID);
                w.write(columns.fill(g, i));
            }
        }
        // Hadoop's local file system leaves a checksum file beside it: not part of the case
        Files.deleteIfExists(in.resolve(".payouts.parquet.crc"));
    }
}
