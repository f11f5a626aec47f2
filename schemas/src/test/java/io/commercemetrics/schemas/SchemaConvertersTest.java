package io.commercemetrics.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SchemaConvertersTest {

    @Test
    void parquetTypesMatchWhatSparkWritesForTheSameColumns() {
        MessageType orders = ParquetSchemas.toMessageType(Sources.ORDERS);

        assertThat(orders.getFieldCount()).isEqualTo(Sources.ORDERS.fields().size());
        PrimitiveType gross = orders.getType("gross_amount").asPrimitiveType();
        assertThat(gross.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
        assertThat(gross.getTypeLength()).isEqualTo(16);
        assertThat(gross.getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.decimalType(18, 38));
        PrimitiveType ts = orders.getType("order_ts").asPrimitiveType();
        assertThat(ts.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
        assertThat(ts.getLogicalTypeAnnotation()).isEqualTo(
                LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(orders.getType("order_id").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
    }

    @Test
    void ratioDecimalsFitInNineBytes() {
        assertThat(ParquetSchemas.minBytesForPrecision(20)).isEqualTo(9);
        assertThat(ParquetSchemas.minBytesForPrecision(38)).isEqualTo(16);
    }

    @Test
    void sparkStructTypeKeepsContractOrderAndTypes() {
        StructType lines = SparkSchemas.toStructType(Sources.ORDER_LINES);

        assertThat(lines.fieldNames()).containsExactly(
                "order_id", "line_no", "sku", "category", "quantity", "unit_price", "line_discount");
        assertThat(lines.apply("line_no").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(lines.apply("unit_price").dataType()).isEqualTo(new DecimalType(38, 18));
        assertThat(SparkSchemas.toStructType(MetricTables.REPURCHASE_COHORT).apply("rate").dataType())
                .isEqualTo(new DecimalType(20, 6));
    }

    @Test
    void headersMatchIgnoringCase() {
        assertThat(Sources.ORDERS.fieldForHeader("Order_ID")).map(Field::name).contains("order_id");
        assertThat(Sources.ORDERS.fieldForHeader("nope")).isEmpty();
    }

    @Test
    void checksDescribeTheirFailure() {
        Check.Min positive = Check.above(0);
        assertThat(positive.accepts(BigDecimal.ZERO)).isFalse();
        assertThat(positive.accepts(new BigDecimal("0.01"))).isTrue();
        assertThat(positive.describe("amount")).isEqualTo("amount must be > 0");
        assertThat(new Check.YearMonth().accepts("2026-13")).isFalse();
        assertThat(new Check.YearMonth().accepts("2026-10")).isTrue();
        assertThat(new Check.CurrencyCode().accepts("cny")).isFalse();
        // three upper-case letters that are no ISO 4217 code (issue 8, point 8)
        assertThat(new Check.CurrencyCode().accepts("ZZZ")).isFalse();
        assertThat(new Check.CurrencyCode().accepts("CNY")).isTrue();
        assertThat(new Check.CurrencyCode().describe("currency"))
                .isEqualTo("currency must be an ISO 4217 currency code (e.g. CNY, USD, EUR)");
    }

    @Test
    void aUniqueKeyMustNameFields() {
        assertThatThrownBy(() -> new TableSchema("t", List.of(Field.required("a", FieldType.STRING, "")),
                List.of("b"))).hasMessageContaining("unique key column b");
    }
}
