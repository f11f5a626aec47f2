package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts a {@link TableSchema} to an Iceberg {@link Schema}: the same columns in the same order,
 * field ids 1..n. Every column is optional in the table: a contract's required fields are enforced
 * by ingest's validation, and Spark would refuse to write its (always nullable) columns into
 * required ones. TIMESTAMP is Iceberg's {@code timestamptz}, an instant, as Spark's TimestampType.
 */
public final class IcebergSchemas {

    private IcebergSchemas() {
    }

    public static Schema toSchema(TableSchema table) {
        List<Types.NestedField> columns = new ArrayList<>();
        for (int i = 0; i < table.fields().size(); i++) {
            var field = table.fields().get(i);
            columns.add(Types.NestedField.optional(i + 1, field.name(), toType(field.type())));
        }
        return new Schema(columns);
    }

    public static Type toType(FieldType type) {
        return switch (type) {
            case STRING -> Types.StringType.get();
            case INT -> Types.IntegerType.get();
            case LONG -> Types.LongType.get();
            case BOOLEAN -> Types.BooleanType.get();
            case DATE -> Types.DateType.get();
            case TIMESTAMP -> Types.TimestampType.withZone();
            case DECIMAL -> Types.DecimalType.of(FieldType.MONEY_PRECISION, FieldType.MONEY_SCALE);
            case RATIO -> Types.DecimalType.of(FieldType.RATIO_PRECISION, FieldType.RATIO_SCALE);
        };
    }
}
