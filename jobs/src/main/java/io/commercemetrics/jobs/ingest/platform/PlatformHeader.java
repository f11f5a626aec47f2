package io.commercemetrics.jobs.ingest.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A platform file's header row: its columns, found by name case-insensitively and without outer blanks. */
public final class PlatformHeader {

    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();

    public PlatformHeader(List<String> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(key(columns.get(i)), i);
        }
    }

    static String key(String column) {
        // spreadsheet tools leave a byte-order mark or padding on header cells
        return column.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public boolean has(String column) {
        return indexOf(column) >= 0;
    }

    /**
     * The position of the first of {@code names} the header has, or -1. A name ending in {@code *}
     * is a prefix: Meta names its spend column after the account currency, {@code Amount spent (EUR)}.
     */
    public int indexOf(String... names) {
        for (String name : names) {
            Integer i = name.endsWith("*") ? byPrefix(key(name.substring(0, name.length() - 1))) : index.get(key(name));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    private Integer byPrefix(String prefix) {
        for (int i = 0; i < columns.size(); i++) {
            if (key(columns.get(i)).startsWith(prefix)) {
                return i;
            }
        }
        return null;
    }

    /** The first of {@code names} the header has, or null. */
    public String firstPresent(List<String> names) {
        return names.stream().filter(this::has).findFirst().orElse(null);
    }
}
