package io.commercemetrics.reports.parquet;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;

/**
 * Reads a metric table folder (the Parquet part files Spark wrote) into rows of Java values in the
 * contract's column order, without Spark: STRING to String, INT to Integer, LONG to Long, DECIMAL
 * and RATIO to BigDecimal, DATE to LocalDate, TIMESTAMP to Instant, BOOLEAN to Boolean.
 */
public final class MetricTableReader {

    private MetricTableReader() {
    }

    public static List<Object[]> read(Path tableFolder, TableSchema table) {
        if (!Files.isDirectory(tableFolder)) {
            throw new IllegalArgumentException("no table " + table.name() + " at " + tableFolder
                    + " (run the metrics job first)");
        }
        List<Object[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(tableFolder)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            for (Path part : parts) {
                readPart(part, table, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tableFolder, e);
        }
        return rows;
    }

    private static void readPart(Path part, TableSchema table, List<Object[]> rows) throws IOException {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                        new org.apache.hadoop.fs.Path(part.toUri()))
                .withConf(new Configuration())
                .build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                rows.add(toRow(group, table));
            }
        }
    }

    private static Object[] toRow(Group group, TableSchema table) {
        GroupType type = group.getType();
        Object[] row = new Object[table.fields().size()];
        for (int i = 0; i < row.length; i++) {
            Field field = table.fields().get(i);
            if (!type.containsField(field.name())) {
                throw new IllegalStateException(table.name() + " has no column " + field.name());
            }
            int index = type.getFieldIndex(field.name());
            row[i] = group.getFieldRepetitionCount(index) == 0 ? null : value(group, index, field);
        }
        return row;
    }

    private static Object value(Group group, int index, Field field) {
        return switch (field.type()) {
            case STRING -> group.getString(index, 0);
            case INT -> group.getInteger(index, 0);
            case LONG -> group.getLong(index, 0);
            case BOOLEAN -> group.getBoolean(index, 0);
            case DATE -> LocalDate.ofEpochDay(group.getInteger(index, 0));
            case TIMESTAMP -> micros(group.getLong(index, 0));
            case DECIMAL, RATIO -> decimal(group, index);
        };
    }

    /** Spark writes small decimals as INT32/INT64 and wide ones as fixed-length big-endian bytes. */
    private static BigDecimal decimal(Group group, int index) {
        var primitive = group.getType().getType(index).asPrimitiveType();
        int scale = ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) primitive.getLogicalTypeAnnotation())
                .getScale();
        return switch (primitive.getPrimitiveTypeName()) {
            case INT32 -> BigDecimal.valueOf(group.getInteger(index, 0), scale);
            case INT64 -> BigDecimal.valueOf(group.getLong(index, 0), scale);
            default -> new BigDecimal(new BigInteger(group.getBinary(index, 0).getBytes()), scale);
        };
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
