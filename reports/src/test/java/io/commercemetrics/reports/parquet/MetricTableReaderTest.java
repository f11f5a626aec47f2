package io.commercemetrics.reports.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.ParquetSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricTableReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryTypeBackInContractOrderAndNullsAsNull() throws IOException {
        TableSchema table = MetricTables.COMMISSION_LINES;
        MessageType schema = ParquetSchemas.toMessageType(table);
        Path folder = dir.resolve("commission_lines");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                new org.apache.hadoop.fs.Path(folder.resolve("part-00000.parquet").toUri()))
                .withType(schema).withConf(new Configuration()).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            Group row = groups.newGroup()
                    .append("order_id", "o1").append("level", 1).append("sharer_id", "s1")
                    .append("share_id", "sh1").append("currency", "CNY")
                    .append("base", fixed(new BigDecimal("123.450000000000000000"), 16))
                    // rate left null: lines paid at different category rates
                    .append("rule_version", "default")
                    .append("commission", fixed(new BigDecimal("-12.350000000000000000"), 16))
                    .append("accrual_date", (int) LocalDate.of(2026, 10, 3).toEpochDay())
                    .append("lock_date", (int) LocalDate.of(2026, 10, 18).toEpochDay());
            writer.write(row);
        }

        List<Object[]> rows = MetricTableReader.read(folder, table);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("o1", 1, "s1", "sh1", "CNY", new BigDecimal("123.450000000000000000"),
                null, "default", new BigDecimal("-12.350000000000000000"), LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 18));
    }

    @Test
    void timestampsAreMicrosSinceEpoch() throws IOException {
        TableSchema table = MetricTables.ORDER_ATTRIBUTION;
        MessageType schema = ParquetSchemas.toMessageType(table);
        Path folder = dir.resolve("order_attribution");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                new org.apache.hadoop.fs.Path(folder.resolve("part-00000.parquet").toUri()))
                .withType(schema).withConf(new Configuration()).build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("order_id", "o1")
                    .append("order_ts", Instant.parse("2026-10-03T13:15:00.000250Z").getEpochSecond() * 1_000_000L + 250)
                    .append("self_referral", false));
        }

        Object[] row = MetricTableReader.read(folder, table).get(0);

        assertThat(row[2]).isEqualTo(Instant.parse("2026-10-03T13:15:00.000250Z"));
        assertThat(row[7]).isEqualTo(false);
        assertThat(row[1]).isNull();
    }

    @Test
    void aMissingTableSaysWhatToRun() {
        assertThatThrownBy(() -> MetricTableReader.read(dir.resolve("nope"), MetricTables.REPEAT_RATE))
                .hasMessageContaining("run the metrics job first");
    }

    private static Binary fixed(BigDecimal value, int length) {
        byte[] unscaled = value.unscaledValue().toByteArray();
        byte[] bytes = new byte[length];
        byte pad = (byte) (value.signum() < 0 ? 0xFF : 0x00);
        java.util.Arrays.fill(bytes, 0, length - unscaled.length, pad);
        System.arraycopy(unscaled, 0, bytes, length - unscaled.length, unscaled.length);
        return Binary.fromConstantByteArray(bytes);
    }
}
