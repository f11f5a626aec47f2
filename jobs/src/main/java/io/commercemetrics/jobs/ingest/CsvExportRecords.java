package io.commercemetrics.jobs.ingest;

import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** CSV export records: a header row, then one record per row (RFC 4180). */
final class CsvExportRecords implements ExportRecords {

    private final CsvRecordReader csv;
    private final TableSchema schema;
    private final String[] values;
    private HeaderMapping header;
    private String problem;

    CsvExportRecords(Reader reader, TableSchema schema) {
        this.csv = new CsvRecordReader(reader);
        this.schema = schema;
        this.values = new String[schema.fields().size()];
    }

    @Override
    public boolean next() throws IOException, FileRejectedException {
        if (header == null) {
            readHeader();
        }
        if (!csv.next()) {
            return false;
        }
        problem = csv.problem();
        Arrays.fill(values, null);
        if (problem == null && csv.fieldCount() != header.columns()) {
            problem = "has " + csv.fieldCount() + " fields, the header has " + header.columns();
        }
        if (problem == null) {
            for (int c = 0; c < header.columns(); c++) {
                int f = header.fieldOf(c);
                if (f >= 0) {
                    values[f] = csv.field(c);
                }
            }
        }
        return true;
    }

    private void readHeader() throws IOException, FileRejectedException {
        if (!csv.next()) {
            throw new FileRejectedException("empty file: no header row");
        }
        if (csv.problem() != null) {
            throw new FileRejectedException("header row: " + csv.problem());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < csv.fieldCount(); i++) {
            names.add(csv.field(i));
        }
        header = HeaderMapping.of(schema, names);
    }

    @Override
    public long line() {
        return csv.line();
    }

    @Override
    public String raw() {
        return csv.raw();
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
        csv.close();
    }
}
