package io.commercemetrics.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet export records: each value is turned into the text DATA.md would expect in a CSV and
 * validated the same way (a decimal column gives its plain digits, a UTC timestamp its ISO
 * instant, a timestamp not adjusted to UTC a local time without offset). The raw text is a JSON
 * rendering of the row; the line is the 1-based row number.
 */
final class ParquetExportRecords implements ExportRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.nio.file.Path file;
    private final ParquetReader<Group> reader;
    private final TableSchema schema;
    private final String[] values;
    private HeaderMapping header;
    private long row;
    private String raw;
    private String problem;

    ParquetExportRecords(java.nio.file.Path file, TableSchema schema) throws IOException {
        this.file = file;
        try {
            this.reader = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
                    .withConf(new Configuration()).build();
        } catch (RuntimeException e) {
            // parquet-hadoop reports a file that is not Parquet with unchecked exceptions
            throw new IOException("not a readable Parquet file: " + e.getMessage(), e);
        }
        this.schema = schema;
        this.values = new String[schema.fields().size()];
    }

    @Override
    public boolean next() throws IOException, FileRejectedException {
        if (header == null) {
            // from the footer, so a file without rows is still checked for its columns
            List<String> names = new ArrayList<>();
            try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
                footer.getFileMetaData().getSchema().getFields().forEach(f -> names.add(f.getName()));
            } catch (RuntimeException | IOException e) {
                // parquet names the file by its object identity: drop that, the quarantine names the file
                throw new FileRejectedException("not a readable Parquet file: "
                        + String.valueOf(e.getMessage()).replaceAll("\\S*LocalInputFile@\\w+ ?", ""));
            }
            header = HeaderMapping.of(schema, names);
        }
        Group group;
        try {
            group = reader.read();
        } catch (RuntimeException e) {
            throw new FileRejectedException("not a readable Parquet file: " + e.getMessage());
        }
        if (group == null) {
            return false;
        }
        GroupType type = group.getType();
        row++;
        problem = null;
        Arrays.fill(values, null);
        Map<String, String> rendered = new LinkedHashMap<>();
        for (int c = 0; c < type.getFieldCount(); c++) {
            String text = group.getFieldRepetitionCount(c) == 0 ? null : text(group, c, type.getType(c));
            rendered.put(type.getFieldName(c), text);
            int f = header.fieldOf(c);
            if (f >= 0) {
                values[f] = text;
            }
        }
        raw = JSON.writeValueAsString(rendered);
        return true;
    }

    private String text(Group group, int c, Type type) {
        if (!type.isPrimitive()) {
            if (header.fieldOf(c) >= 0 && problem == null) {
                problem = type.getName() + " is a nested value, not a scalar";
            }
            return group.getGroup(c, 0).toString();
        }
        PrimitiveType primitive = type.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            BigInteger unscaled = switch (primitive.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(group.getInteger(c, 0));
                case INT64 -> BigInteger.valueOf(group.getLong(c, 0));
                default -> new BigInteger(group.getBinary(c, 0).getBytes());
            };
            return new BigDecimal(unscaled, decimal.getScale()).toPlainString();
        }
        return switch (primitive.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getBinary(c, 0).toStringUsingUTF8();
            case BOOLEAN -> Boolean.toString(group.getBoolean(c, 0));
            case FLOAT -> floatText(Float.toString(group.getFloat(c, 0)), c, type);
            case DOUBLE -> floatText(Double.toString(group.getDouble(c, 0)), c, type);
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? LocalDate.ofEpochDay(group.getInteger(c, 0)).toString()
                    : Integer.toString(group.getInteger(c, 0));
            case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    ? timestampText(group.getLong(c, 0), ts)
                    : Long.toString(group.getLong(c, 0));
            case INT96 -> int96Text(group.getInt96(c, 0).getBytes());
        };
    }

    /**
     * DATA.md: money is "never a binary float". A FLOAT or DOUBLE column read into a decimal field is a
     * problem of each row (the text shown is the float's shortest form, not the amount that was meant).
     */
    private String floatText(String text, int c, Type type) {
        int f = header.fieldOf(c);
        if (f >= 0 && schema.fields().get(f).type() == FieldType.DECIMAL && problem == null) {
            problem = schema.fields().get(f).name() + " is a binary floating-point number ("
                    + type.asPrimitiveType().getPrimitiveTypeName() + "), not an exact decimal: \"" + text + "\"";
        }
        return text;
    }

    private static String timestampText(long value, LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
        Instant instant = switch (ts.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
        // a timestamp not adjusted to UTC is a wall time: it goes through the no-offset rule
        return ts.isAdjustedToUTC() ? instant.toString()
                : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Legacy INT96 (Impala, old Spark): nanos of day then Julian day, little-endian; an instant. */
    private static String int96Text(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong();
        long epochDay = buffer.getInt() - 2_440_588L;
        return Instant.ofEpochSecond(epochDay * 86_400L, nanosOfDay).toString();
    }

    @Override
    public long line() {
        return row;
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public String[] values() {
        return values;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public Set<String> unknownColumns() {
        return header == null ? Set.of() : header.unknownColumns();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
