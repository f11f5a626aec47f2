package io.commercemetrics.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one render wrote.
 *
 * @param reports every report file written, in the order written
 * @param index   the regenerated {@code <out>/index.html}
 */
public record ReportSet(List<Path> reports, Path index) {

    public ReportSet {
        reports = List.copyOf(reports);
    }

    /** Every file written, the index last. */
    public List<Path> files() {
        List<Path> all = new java.util.ArrayList<>(reports);
        all.add(index);
        return List.copyOf(all);
    }
}
