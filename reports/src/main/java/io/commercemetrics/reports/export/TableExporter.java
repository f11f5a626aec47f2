package io.commercemetrics.reports.export;

import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.CsvExport;
import io.commercemetrics.schemas.export.ExportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports tables read from the warehouse (metric tables of a run, or the quarantine): one
 * {@code <table>.csv} per table, or one {@code metrics.xlsx} with a sheet per table. Files are
 * written aside and renamed into place.
 */
public final class TableExporter {

    public enum Format { csv, xlsx }

    private final ExportFormat format;

    public TableExporter(ExportFormat format) {
        this.format = format;
    }

    /**
     * @param contents each table with its rows (the contract's columns in order), as read at the
     *                 snapshot being exported
     * @return the files written
     */
    public List<Path> export(Map<TableSchema, List<Object[]>> contents, Format fileFormat, Path outFolder) {
        try {
            Files.createDirectories(outFolder);
            return fileFormat == Format.csv ? writeCsv(contents, outFolder) : List.of(writeXlsx(contents, outFolder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + outFolder, e);
        }
    }

    private List<Path> writeCsv(Map<TableSchema, List<Object[]>> contents, Path outFolder) throws IOException {
        List<Path> written = new ArrayList<>();
        CsvExport csv = new CsvExport(format);
        for (Map.Entry<TableSchema, List<Object[]>> table : contents.entrySet()) {
            Path target = outFolder.resolve(table.getKey().name() + ".csv");
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                csv.write(table.getKey(), table.getValue(), out);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }

    private Path writeXlsx(Map<TableSchema, List<Object[]>> contents, Path outFolder) throws IOException {
        Path target = outFolder.resolve("metrics.xlsx");
        Path temp = target.resolveSibling(".metrics.xlsx.tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            new XlsxExport(format.reportingZone(), format.reportingCurrency()).write(contents, out);
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
