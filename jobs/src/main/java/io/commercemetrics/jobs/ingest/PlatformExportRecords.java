package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.ingest.platform.PlatformExport;
import io.commercemetrics.jobs.ingest.platform.PlatformHeader;
import io.commercemetrics.jobs.ingest.platform.PlatformRow;
import io.commercemetrics.jobs.ingest.platform.SourceView;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One contract source's records from a platform's export (docs/inputs.md, "Platform exports"): the
 * platform's rows go through the adapter's {@link SourceView}, and each record keeps the
 * platform file's line and raw text, so the quarantine points at the real file. Personal columns
 * are replaced in that raw text: the warehouse keeps no e-mail, name, phone or address.
 */
final class PlatformExportRecords implements ExportRecords {

    static final String REDACTED = "[redacted]";
    private static final Pattern EMAIL = Pattern.compile("[^\\s,;\"<>]+@[^\\s,;\"<>]+\\.[A-Za-z]{2,}");

    private final PlatformExport export;
    private final CsvRecordReader csv;
    private final String[] empty;
    private PlatformHeader header;
    private SourceView view;
    private boolean[] personal;
    private String[] values;
    private String raw;
    private String problem;

    PlatformExportRecords(PlatformExport export, Reader reader, int fieldCount) {
        this.export = export;
        this.csv = new CsvRecordReader(reader);
        this.empty = new String[fieldCount];
    }

    @Override
    public boolean next() throws IOException, FileRejectedException {
        if (header == null) {
            readHeader();
        }
        while (csv.next()) {
            problem = csv.problem();
            if (problem == null && csv.fieldCount() != header.size()) {
                problem = "has " + csv.fieldCount() + " fields, the header has " + header.size();
            }
            if (problem != null) {
                if (!export.reportsBrokenRecords()) {
                    continue;
                }
                values = empty;
                raw = EMAIL.matcher(csv.raw()).replaceAll(REDACTED);
                return true;
            }
            String[] cells = new String[csv.fieldCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = csv.field(i);
            }
            values = view.map(new PlatformRow(header, cells));
            if (values != null) {
                raw = redacted(cells);
                return true;
            }
        }
        return false;
    }

    private void readHeader() throws IOException, FileRejectedException {
        for (int skip = 0; skip <= export.linesAboveHeader(); skip++) {
            if (!csv.next()) {
                throw new FileRejectedException("empty file: no header row");
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < csv.fieldCount(); i++) {
            names.add(csv.field(i));
        }
        header = new PlatformHeader(names);
        view = export.format().view(export.source(), header, export.context());
        personal = new boolean[header.size()];
        for (String column : export.format().personalColumns()) {
            int i = header.indexOf(column);
            if (i >= 0) {
                personal[i] = true;
            }
        }
    }

    /** The raw line, rebuilt only when a personal cell must go (so most lines stay byte for byte). */
    private String redacted(String[] cells) {
        boolean any = false;
        for (int i = 0; i < cells.length; i++) {
            any |= personal[i] && !cells[i].isEmpty();
        }
        if (!any) {
            return EMAIL.matcher(csv.raw()).replaceAll(REDACTED);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = personal[i] && !cells[i].isEmpty() ? REDACTED : cells[i];
            if (i > 0) {
                line.append(',');
            }
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return EMAIL.matcher(line).replaceAll(REDACTED);
    }

    @Override
    public long line() {
        return csv.line();
    }

    @Override
    public String raw() {
        return raw;
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
        // a platform's columns are the adapter's business: the unused ones are not worth a warning
        return Set.of();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
