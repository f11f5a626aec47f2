package io.commercemetrics.schemas;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Converts a {@link TableSchema} to the Parquet {@link MessageType} that ingest writes and the
 * reports read. The physical types are the ones Spark writes for the matching Spark types, so
 * files written either way read back the same.
 */
public final class ParquetSchemas {

    private ParquetSchemas() {
    }

    public static MessageType toMessageType(TableSchema table) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Field field : table.fields()) {
            builder.addField(toType(field));
        }
        return builder.named("spark_schema");
    }

    /** All columns are OPTIONAL: metric cells and optional inputs may be null; checks enforce (R). */
    public static Type toType(Field field) {
        return switch (field.type()) {
            case STRING -> Types.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named(field.name());
            case INT -> Types.optional(PrimitiveTypeName.INT32).named(field.name());
            case LONG -> Types.optional(PrimitiveTypeName.INT64).named(field.name());
            case DECIMAL -> decimal(field.name(), FieldType.MONEY_PRECISION, FieldType.MONEY_SCALE);
            case RATIO -> decimal(field.name(), FieldType.RATIO_PRECISION, FieldType.RATIO_SCALE);
            case DATE -> Types.optional(PrimitiveTypeName.INT32)
                    .as(LogicalTypeAnnotation.dateType()).named(field.name());
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(field.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(field.name());
        };
    }

    /** Spark writes decimals of precision 19..38 as fixed-length byte arrays of this length. */
    private static Type decimal(String name, int precision, int scale) {
        int length = minBytesForPrecision(precision);
        return Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(length)
                .as(LogicalTypeAnnotation.decimalType(scale, precision)).named(name);
    }

    static int minBytesForPrecision(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }
}
