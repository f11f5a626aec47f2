package io.commercemetrics.jobs.generate;

import io.commercemetrics.schemas.TableSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One source's export file: RFC 4180 CSV (CRLF between records, {@code "} quoting only where a
 * value needs it), the header taken from the source's schema. It counts physical lines so a
 * planted bad row can be pointed at exactly as ingest will report it.
 */
final class CsvExportFile implements AutoCloseable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final TableSchema source;
    private final String fileName;
    private final Writer writer;
    private final StringBuilder record = new StringBuilder(256);
    private long nextLine = 1;
    private long rows;
    private String[] lastRow;

    CsvExportFile(Path folder, TableSchema source) {
        this.source = source;
        this.fileName = source.name() + ".csv";
        try {
            this.writer = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(folder.resolve(fileName)), StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder.resolve(fileName), e);
        }
        emit(source.columnNames().toArray(String[]::new));
        rows = 0;
    }

    String fileName() {
        return fileName;
    }

    TableSchema source() {
        return source;
    }

    long rows() {
        return rows;
    }

    /** The values of the record written last (for copies that make duplicates). */
    String[] lastRow() {
        return lastRow.clone();
    }

    /**
     * Writes one record; {@code null} is an empty field.
     *
     * @return the physical line the record starts on
     */
    long write(String... values) {
        if (values.length != source.fields().size()) {
            throw new IllegalArgumentException(fileName + ": expected " + source.fields().size()
                    + " values, got " + values.length);
        }
        long line = emit(values);
        lastRow = values;
        rows++;
        return line;
    }

    private long emit(String[] values) {
        long start = nextLine;
        record.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                record.append(',');
            }
            appendField(values[i]);
        }
        record.append("\r\n");
        nextLine++;
        try {
            writer.append(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
        return start;
    }

    private void appendField(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            record.append(value);
            return;
        }
        record.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                record.append('"');
            } else if (c == '\n') {
                nextLine++;
            }
            record.append(c);
        }
        record.append('"');
    }

    // Leading or trailing spaces are quoted too, so that a reader of the raw file sees them.
    private static boolean needsQuotes(String value) {
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + fileName, e);
        }
    }
}
