package io.commercemetrics.schemas;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Converts a {@link TableSchema} to a Spark {@link StructType}. Spark is a provided dependency of
 * this module: only code that already runs Spark calls this class.
 */
public final class SparkSchemas {

    private SparkSchemas() {
    }

    public static StructType toStructType(TableSchema table) {
        StructField[] fields = table.fields().stream()
                .map(f -> DataTypes.createStructField(f.name(), toDataType(f.type()), true))
                .toArray(StructField[]::new);
        return DataTypes.createStructType(fields);
    }

    public static DataType toDataType(FieldType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DECIMAL -> DataTypes.createDecimalType(FieldType.MONEY_PRECISION, FieldType.MONEY_SCALE);
            case RATIO -> DataTypes.createDecimalType(FieldType.RATIO_PRECISION, FieldType.RATIO_SCALE);
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
