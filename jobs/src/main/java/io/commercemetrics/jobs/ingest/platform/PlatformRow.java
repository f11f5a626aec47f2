package io.commercemetrics.jobs.ingest.platform;

/** One data row of a platform file, its cells found by column name. */
public final class PlatformRow {

    private final PlatformHeader header;
    private final String[] cells;

    public PlatformRow(PlatformHeader header, String[] cells) {
        this.header = header;
        this.cells = cells;
    }

    /** The cell of the first of {@code columns} the file has; null when it is absent or blank. */
    public String get(String... columns) {
        int i = header.indexOf(columns);
        if (i < 0 || i >= cells.length) {
            return null;
        }
        String value = cells[i];
        return value == null || value.isBlank() ? null : value;
    }

    /** The cell text as the file has it, or null. */
    public String cell(int i) {
        return i < cells.length ? cells[i] : null;
    }

    public PlatformHeader header() {
        return header;
    }
}
