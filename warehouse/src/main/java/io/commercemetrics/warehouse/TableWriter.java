package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.OutputFile;

/**
 * Writes rows of Java values (as {@link TableReader} gives them) as a table's new content in one
 * commit, without Spark: one Parquet data file, then an overwrite of everything that was there.
 * For small tables written outside Spark, and for tests that build a warehouse by hand.
 */
public final class TableWriter {

    private final WarehouseCatalog catalog;

    public TableWriter(WarehouseCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return the id of the snapshot committed */
    public long replace(TableIdentifier id, TableSchema contract, List<Object[]> rows) {
        Table table = catalog.createOrLoad(id, contract);
        OutputFile file = table.io().newOutputFile(
                table.locationProvider().newDataLocation("part-" + UUID.randomUUID() + ".parquet"));
        FileAppender<Record> appender = new GenericAppenderFactory(table.schema())
                .newAppender(file, FileFormat.PARQUET);
        try (appender) {
            GenericRecord record = GenericRecord.create(table.schema());
            for (Object[] row : rows) {
                appender.add(toRecord(record.copy(), contract, row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + id, e);
        }
        DataFile data = DataFiles.builder(table.spec())
                .withPath(file.location())
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(appender.length())
                .withMetrics(appender.metrics())
                .build();
        table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).addFile(data).commit();
        return table.currentSnapshot().snapshotId();
    }

    private static Record toRecord(Record record, TableSchema contract, Object[] row) {
        if (row.length != contract.fields().size()) {
            throw new IllegalArgumentException(contract.name() + " has " + contract.fields().size()
                    + " columns, a row has " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            Field field = contract.fields().get(i);
            record.setField(field.name(), value(field, row[i]));
        }
        return record;
    }

    private static Object value(Field field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof BigDecimal decimal) {
            int scale = field.type() == FieldType.RATIO ? FieldType.RATIO_SCALE : FieldType.MONEY_SCALE;
            // exact: a value with more places than the column keeps is an error, never rounded here
            return decimal.setScale(scale);
        }
        return value;
    }
}
