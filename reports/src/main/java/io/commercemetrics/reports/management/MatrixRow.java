package io.commercemetrics.reports.management;

import io.commercemetrics.reports.format.Shades;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of the twelve-column matrix template ({@code matrix.jrxml}): two label columns, then cells
 * {@code v0..v11} with their shades {@code s0..s11}. The trend tables and the retention triangle
 * both have this shape.
 */
final class MatrixRow {

    static final int COLUMNS = 12;

    private MatrixRow() {
    }

    static Map<String, Object> of(String label, String sublabel, boolean emphasis, List<String> cells,
                                  List<String> shades) {
        Map<String, Object> row = new HashMap<>();
        row.put("label", label);
        row.put("sublabel", sublabel);
        row.put("emphasis", emphasis);
        for (int i = 0; i < COLUMNS; i++) {
            row.put("v" + i, i < cells.size() ? cells.get(i) : null);
            row.put("s" + i, shades != null && i < shades.size() ? shades.get(i) : Shades.BLANK);
        }
        return row;
    }
}
