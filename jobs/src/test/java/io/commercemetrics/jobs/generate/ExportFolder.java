package io.commercemetrics.jobs.generate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A generated export folder read back with FastCSV, by column name from {@link Sources}. */
final class ExportFolder {

    /** One data record of a source file, with the physical line it starts on. */
    record Row(TableSchema source, long line, List<String> fields) {
        String get(String column) {
            return fields.get(source.indexOf(column));
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    private final Path folder;

    ExportFolder(Path folder) {
        this.folder = folder;
    }

    /** The header record of the source's file. */
    List<String> header(TableSchema source) {
        return records(source).get(0).getFields();
    }

    List<Row> rows(TableSchema source) {
        List<CsvRecord> records = records(source);
        List<Row> rows = new ArrayList<>(records.size());
        for (CsvRecord record : records.subList(1, records.size())) {
            rows.add(new Row(source, record.getStartingLineNumber(), record.getFields()));
        }
        return rows;
    }

    Row rowAtLine(TableSchema source, long line) {
        return rows(source).stream().filter(row -> row.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError(source.name() + ".csv has no record starting on line " + line));
    }

    private List<CsvRecord> records(TableSchema source) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(folder.resolve(source.name() + ".csv"))) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
