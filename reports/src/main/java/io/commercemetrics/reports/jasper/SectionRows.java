package io.commercemetrics.reports.jasper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The rows of one report section, as the field maps a subreport reads. A data source can be read
 * once, so a section hands out a fresh one per fill (the PDF and the HTML share one fill).
 */
public final class SectionRows {

    private final List<Map<String, ?>> rows = new ArrayList<>();

    /** Adds a row from alternating field names and values (values may be null). */
    public SectionRows add(Object... namesAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        rows.add(row);
        return this;
    }

    public SectionRows addRow(Map<String, Object> row) {
        rows.add(row);
        return this;
    }

    public List<Map<String, ?>> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public JRDataSource dataSource() {
        Collection<Map<String, ?>> copy = new ArrayList<>(rows);
        return new JRMapCollectionDataSource(copy);
    }
}
