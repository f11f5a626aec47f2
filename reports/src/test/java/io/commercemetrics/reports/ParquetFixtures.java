package io.commercemetrics.reports;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.ParquetSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/** Writes a warehouse table as one Parquet part file, the physical types Spark writes, without Spark. */
final class ParquetFixtures {

    private ParquetFixtures() {
    }

    /** @param extra columns after the contract's (the raw tables' {@code _file}, {@code _line}) */
    static void write(Path folder, TableSchema table, List<Object[]> rows, Field... extra) {
        List<Field> fields = new java.util.ArrayList<>(table.fields());
        fields.addAll(Arrays.asList(extra));
        Types.MessageTypeBuilder builder = Types.buildMessage();
        fields.forEach(f -> builder.addField(ParquetSchemas.toType(f)));
        MessageType schema = builder.named("spark_schema");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                        new org.apache.hadoop.fs.Path(folder.resolve("part-00000-golden.snappy.parquet").toUri()))
                .withType(schema).withConf(new Configuration()).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (Object[] row : rows) {
                Group group = groups.newGroup();
                for (int i = 0; i < fields.size(); i++) {
                    append(group, fields.get(i), row[i]);
                }
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Group group, Field field, Object value) {
        if (value == null) {
            return;
        }
        String name = field.name();
        switch (field.type()) {
            case STRING -> group.append(name, (String) value);
            case INT -> group.append(name, ((Number) value).intValue());
            case LONG -> group.append(name, ((Number) value).longValue());
            case BOOLEAN -> group.append(name, (Boolean) value);
            case DATE -> group.append(name, (int) ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> {
                Instant instant = (Instant) value;
                group.append(name, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
            }
            case DECIMAL -> group.append(name, fixed(decimal(value), FieldType.MONEY_SCALE, 16));
            case RATIO -> group.append(name, fixed(decimal(value), FieldType.RATIO_SCALE, 9));
        }
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static Binary fixed(BigDecimal value, int scale, int length) {
        byte[] unscaled = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, 0, length - unscaled.length, (byte) (value.signum() < 0 ? 0xFF : 0x00));
        System.arraycopy(unscaled, 0, bytes, length - unscaled.length, unscaled.length);
        return Binary.fromConstantByteArray(bytes);
    }
}
