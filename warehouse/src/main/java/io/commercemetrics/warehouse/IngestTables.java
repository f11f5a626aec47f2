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

    /**
     * docs/warehouse.md "ingest.files": the registry of ingested files, one row per file location and
     * source (a platform export feeds several sources from one file), as ingest left it: the version
     * that stands with its counts, and the newest version rejected whole while it stood.
     */
    public static final TableSchema FILES = new TableSchema("files", List.of(
            optional("source", FieldType.STRING, "the source the file fed"),
            optional("file", FieldType.STRING, "the file's location, as _source_file and the quarantine name it"),
            optional("name", FieldType.STRING, "the file's name"),
            optional("sha256", FieldType.STRING, "SHA-256 of the version read"),
            optional("rows_read", FieldType.LONG, "records read from that version"),
            optional("accepted", FieldType.LONG, "records that passed the row checks"),
            optional("quarantined", FieldType.LONG, "records quarantined by the row checks"),
            optional("rows_kept", FieldType.LONG, "rows the raw table kept of it after the cross-file rules, as "
                    + "the summary of the run that read it showed them; null when not recorded"),
            optional("rejection", FieldType.STRING, "why that version was rejected whole (no earlier version "
                    + "stood), or null"),
            optional("read_settings", FieldType.STRING, "what changes how its bytes are read (encoding, zone)"),
            optional("run_id", FieldType.STRING, "the ingest run that read it"),
            optional("staged_at", FieldType.TIMESTAMP, "when it was read"),
            optional("rejected_sha256", FieldType.STRING, "a newer version rejected whole while this one stood"),
            optional("rejected_reason", FieldType.STRING, "why that newer version was rejected"),
            optional("rejected_run_id", FieldType.STRING, "the run that rejected it"),
            optional("rejected_at", FieldType.TIMESTAMP, "when")),
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
