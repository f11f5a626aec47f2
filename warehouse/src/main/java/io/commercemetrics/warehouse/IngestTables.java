package io.commercemetrics.warehouse;

import static io.commercemetrics.schemas.Field.optional;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** The tables ingest itself owns: staged rows (source columns plus provenance) and the quarantine. */
public final class IngestTables {

    /** Not {@code _file}: Iceberg reserves that name for its own metadata column (the data file). */
    public static final String FILE = "_source_file";
    public static final String LINE = "_line";
    /** The raw record text, kept in staging so a row rejected by a cross-file rule still shows it. */
    public static final String RAW = "_raw";

    /** docs/warehouse.md "quarantine/". */
    public static final TableSchema QUARANTINE = new TableSchema("quarantine", List.of(
            optional("source", FieldType.STRING, "the source, or null when the file matched none"),
            optional("file", FieldType.STRING, "the file name"),
            optional("line", FieldType.LONG, "physical line of the record's start; null for a whole file"),
            optional("raw", FieldType.STRING, "the raw record text"),
            optional("reasons", FieldType.STRING, "every reason, joined with '; '"),
            optional("run_id", FieldType.STRING, "the ingest run that found it")),
            List.of());

    private IngestTables() {
    }

    /** docs/warehouse.md raw/&lt;source&gt;: the source's columns, then {@code _file} and {@code _line}. */
    public static TableSchema raw(TableSchema source) {
        List<Field> fields = new ArrayList<>(staged(source).fields());
        fields.removeIf(f -> f.name().equals(RAW));
        return new TableSchema(source.name(), fields, List.of());
    }

    /** The source's columns in contract order, then {@code _file}, {@code _line} and {@code _raw}. */
    public static TableSchema staged(TableSchema source) {
        List<Field> fields = new ArrayList<>(source.fields());
        fields.add(optional(FILE, FieldType.STRING, "file the row came from"));
        fields.add(optional(LINE, FieldType.LONG, "1-based physical line of the record's start"));
        fields.add(optional(RAW, FieldType.STRING, "raw record text"));
        return new TableSchema(source.name(), fields, List.of());
    }
}
