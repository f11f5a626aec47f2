package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.TableSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/** A Parquet file of typed rows of one table, written with parquet-hadoop and no Spark. */
public final class TypedParquetWriter implements Closeable {

    private static final java.util.List<String> UNIQUE_TEXT = java.util.List.of(IngestTables.RAW, "raw");

    private final ParquetWriter<Object[]> writer;
    private long rows;

    public TypedParquetWriter(Path file, TableSchema table) throws IOException {
        Builder builder = new Builder(file, table)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withConf(new Configuration(false))
                .withSizeStatisticsEnabled(false);
        for (String unique : UNIQUE_TEXT) {
            // every value differs: a dictionary is built only to be dropped, and min/max stats help nobody
            if (table.field(unique).isPresent()) {
                builder = builder.withDictionaryEncoding(unique, false).withStatisticsEnabled(unique, false);
            }
        }
        this.writer = builder.build();
    }

    public void write(Object[] row) throws IOException {
        writer.write(row);
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final TableSchema table;

        Builder(Path file, TableSchema table) {
            super(new LocalOutputFile(file));
            this.table = table;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new TypedRowWriteSupport(table);
        }
    }
}
