package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.MetricsRunRecord.InputFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An input file whose part in the run changed, told from the two run records' input files (a file
 * is its source and location, as ingest identifies it):
 * <ul>
 * <li>{@code new file}: in the new run only (late data in a file of its own);</li>
 * <li>{@code replaced file}: its rows read, accepted or quarantined differ (a corrected re-export at
 * the same location);</li>
 * <li>{@code file gone}: in the earlier run only;</li>
 * <li>{@code rows kept changed}: the same rows read, but another count moved: some of its order
 * versions were superseded by newer versions in another file (or stopped being).</li>
 * </ul>
 *
 * @param previous the file in the earlier run, null for a new file
 * @param current  the file in the new run, null for a file gone
 * @param label    how the file is named: its file name, with its folder when two inputs share it
 */
public record InputChange(Kind kind, String source, String file, String label, InputFile previous,
                          InputFile current) {

    public enum Kind {
        NEW_FILE("new file"), REPLACED_FILE("replaced file"), FILE_GONE("file gone"),
        ROWS_KEPT_CHANGED("rows kept changed");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The input files that changed from one run to the next, in the new run's order, then those gone. */
    static List<InputChange> between(MetricsRunRecord earlier, MetricsRunRecord later) {
        Map<String, InputFile> before = byIdentity(earlier);
        Map<String, InputFile> after = byIdentity(later);
        List<InputChange> changes = new ArrayList<>();
        after.forEach((identity, now) -> {
            InputFile then = before.get(identity);
            Kind kind = then == null ? Kind.NEW_FILE : kindOfChange(then, now);
            if (kind != null) {
                changes.add(new InputChange(kind, now.source(), now.file(),
                        new Provenance(later, null).fileLabel(now), then, now));
            }
        });
        before.forEach((identity, then) -> {
            if (!after.containsKey(identity)) {
                changes.add(new InputChange(Kind.FILE_GONE, then.source(), then.file(),
                        new Provenance(earlier, null).fileLabel(then), then, null));
            }
        });
        return changes;
    }

    private static Map<String, InputFile> byIdentity(MetricsRunRecord run) {
        Map<String, InputFile> files = new LinkedHashMap<>();
        run.inputs().forEach(input -> files.put(input.source() + "\u0000" + input.file(), input));
        return files;
    }

    /** null when nothing the records hold changed; a count one record lacks is not compared. */
    private static Kind kindOfChange(InputFile then, InputFile now) {
        boolean readDiffers = differs(then.read(), now.read()) || differs(then.accepted(), now.accepted())
                || differs(then.quarantined(), now.quarantined());
        if (readDiffers) {
            return Kind.REPLACED_FILE;
        }
        boolean keptDiffers = then.rows() != now.rows() || differs(then.superseded(), now.superseded());
        if (!keptDiffers) {
            return null;
        }
        // the same rows read, known on both sides: the file is the same, its orders' fate is not
        return then.read() != null && now.read() != null ? Kind.ROWS_KEPT_CHANGED : Kind.REPLACED_FILE;
    }

    private static boolean differs(Long a, Long b) {
        return a != null && b != null && !Objects.equals(a, b);
    }

    /** {@code new file orders-late.csv (orders): 1 row kept} */
    public String description() {
        String what = kind.words() + " " + label + " (" + source + ")";
        return switch (kind) {
            case NEW_FILE -> what + ": " + rows(current.rows()) + " kept";
            case FILE_GONE -> what + ": had " + rows(previous.rows()) + " kept";
            case REPLACED_FILE -> what + ": " + counts();
            case ROWS_KEPT_CHANGED -> what + ": " + counts() + " (order versions superseded by another file)";
        };
    }

    private String counts() {
        List<String> moved = new ArrayList<>();
        moved(moved, "read", previous.read(), current.read());
        moved(moved, "quarantined", previous.quarantined(), current.quarantined());
        moved(moved, "superseded", previous.superseded(), current.superseded());
        moved(moved, "kept", previous.rows(), current.rows());
        return String.join(", ", moved);
    }

    private static void moved(List<String> moved, String count, Long before, Long after) {
        if (before != null && after != null && !before.equals(after)) {
            moved.add(count + " " + Figures.count(before) + " → " + Figures.count(after));
        }
    }

    private static String rows(long rows) {
        return Figures.count(rows) + (rows == 1 ? " row" : " rows");
    }
}
