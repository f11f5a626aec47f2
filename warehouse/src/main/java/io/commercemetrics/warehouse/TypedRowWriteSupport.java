package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.ParquetSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of typed values (see {@link RowValidator}) straight to Parquet's record consumer, in
 * the physical types {@link ParquetSchemas} declares, which are the ones Spark reads back.
 */
public final class TypedRowWriteSupport extends WriteSupport<Object[]> {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final MessageType messageType;
    private final String[] names;
    private final FieldType[] types;
    private RecordConsumer consumer;

    TypedRowWriteSupport(TableSchema table) {
        this.messageType = ParquetSchemas.toMessageType(table);
        this.names = table.fields().stream().map(Field::name).toArray(String[]::new);
        this.types = table.fields().stream().map(Field::type).toArray(FieldType[]::new);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(messageType, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < names.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            consumer.startField(names[i], i);
            switch (types[i]) {
                case STRING -> consumer.addBinary(Binary.fromString((String) value));
                case INT, DATE -> consumer.addInteger((Integer) value);
                case LONG, TIMESTAMP -> consumer.addLong((Long) value);
                case DECIMAL -> consumer.addBinary(Binary.fromConstantByteArray(
                        decimalBytes((BigDecimal) value, FieldType.MONEY_SCALE, 16)));
                case RATIO -> consumer.addBinary(Binary.fromConstantByteArray(
                        decimalBytes((BigDecimal) value, FieldType.RATIO_SCALE, 9)));
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }

    /** Big-endian two's complement of the unscaled value at {@code scale}, as Parquet's DECIMAL wants. */
    public static byte[] decimalBytes(BigDecimal value, int scale, int length) {
        byte[] out = new byte[length];
        if (value.scale() <= scale && value.precision() <= 18 && length == 16) {
            // 128-bit product of two longs: no BigInteger for the usual amounts
            long unscaled = value.unscaledValue().longValue();
            long factor = POWERS_OF_TEN[scale - Math.max(value.scale(), 0)];
            if (value.scale() >= 0) {
                long lo = unscaled * factor;
                long hi = Math.multiplyHigh(unscaled, factor);
                for (int i = 0; i < 8; i++) {
                    out[7 - i] = (byte) (hi >>> (8 * i));
                    out[15 - i] = (byte) (lo >>> (8 * i));
                }
                return out;
            }
        }
        // the validator never lets more places through; setScale only pads with zeros here
        byte[] bytes = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
        if (bytes.length > length) {
            throw new IllegalArgumentException(value + " does not fit DECIMAL with " + length + " bytes");
        }
        byte pad = (byte) (bytes[0] < 0 ? -1 : 0);
        for (int i = 0; i < length - bytes.length; i++) {
            out[i] = pad;
        }
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }
}
