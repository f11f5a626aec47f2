package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.format.TerminalText;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A restatement as the terminal shows it: the runs compared, the numbered changes of their records,
 * then one aligned line per figure with both values as stored, the difference, and the numbers of
 * the changes that can explain it. Columns are padded by display width, so a sharer or file named
 * in Chinese keeps the table straight.
 */
final class RestatementText {

    static final String NO_FIGURE_CHANGED = "No figure changed.";
    private static final String[] HEADERS = {"period", "figure", "sharer", "currency", "previous", "new",
        "difference", "status", "why"};
    /** Columns 4 to 6 hold numbers: aligned right. */
    private static final int FIRST_NUMBER = 4;
    private static final int LAST_NUMBER = 6;
    private static final String UNEXPLAINED_MARK = "?";

    private RestatementText() {
    }

    /** @param limit the most figure lines to print; the rest are counted in a last line */
    static String render(Restatement restatement, int limit) {
        MetricsRunRecord previous = restatement.previous();
        StringBuilder out = new StringBuilder();
        out.append("Restatement: run ").append(restatement.current().runId()).append(' ')
                .append(runFacts(restatement.current())).append('\n');
        out.append("     against run ").append(previous.runId()).append(' ').append(runFacts(previous)).append('\n');
        List<String> changes = new ArrayList<>();
        restatement.inputs().forEach(input -> changes.add(input.description()));
        restatement.settings().forEach(setting -> changes.add(setting.description()));
        if (changes.isEmpty()) {
            out.append("Input files and recorded settings: unchanged.\n");
        } else {
            out.append("What changed in the run records:\n");
            for (int i = 0; i < changes.size(); i++) {
                out.append("  [").append(i + 1).append("] ").append(changes.get(i)).append('\n');
            }
        }
        if (restatement.noFigureChanged()) {
            return out.append(NO_FIGURE_CHANGED).append('\n').toString();
        }
        out.append(summary(restatement)).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        boolean anyOpen = false;
        boolean anyUnexplained = false;
        for (FigureChange change : restatement.figures().subList(0, Math.min(limit, restatement.figures().size()))) {
            FigureKey key = change.key();
            anyOpen |= change.periodWasOpen();
            boolean unexplained = change.causes().equals(List.of(Causes.UNEXPLAINED));
            anyUnexplained |= unexplained;
            rows.add(new String[] {key.period() + (change.periodWasOpen() ? "*" : ""), key.figure().label(),
                orEmpty(key.sharerId()), orEmpty(key.currency()), shown(change, change.previous(), FigureChange.Status.ADDED),
                shown(change, change.current(), FigureChange.Status.REMOVED),
                orEmpty(StoredValue.text(key, change.difference())), change.status().words(),
                unexplained ? UNEXPLAINED_MARK : why(change, changes)});
        }
        table(rows, out);
        int hidden = restatement.figures().size() - Math.min(limit, restatement.figures().size());
        if (hidden > 0) {
            out.append("... and ").append(hidden).append(" more figures (the JSON lists every one)\n");
        }
        if (anyOpen) {
            out.append("* the period was still open in run ").append(previous.runId()).append(" (data through ")
                    .append(previous.dataEnd()).append("): its figures could still grow.\n");
        }
        if (anyUnexplained) {
            out.append(UNEXPLAINED_MARK).append(' ').append(Causes.UNEXPLAINED).append(".\n");
        }
        out.append("Values as stored; a dash is a figure without a value (nothing to divide by).\n");
        return out.toString();
    }

    private static String runFacts(MetricsRunRecord run) {
        String computed = new Provenance(run, null).computedAt();
        return "(" + (computed == null ? "" : "computed " + computed + ", ") + "data through " + run.dataEnd() + ")";
    }

    private static String summary(Restatement restatement) {
        long changed = count(restatement, FigureChange.Status.CHANGED);
        long added = count(restatement, FigureChange.Status.ADDED);
        long removed = count(restatement, FigureChange.Status.REMOVED);
        return changed + " figure" + (changed == 1 ? "" : "s") + " changed, " + added + " added, " + removed
                + " removed (" + restatement.restated().size() + " in periods already complete in run "
                + restatement.previous().runId() + ": restated):";
    }

    private static long count(Restatement restatement, FigureChange.Status status) {
        return restatement.figures().stream().filter(change -> change.status() == status).count();
    }

    /** Blank where the figure does not exist in that run; a dash where it exists without a value. */
    private static String shown(FigureChange change, java.math.BigDecimal value, FigureChange.Status absentWhen) {
        if (change.status() == absentWhen) {
            return "";
        }
        String text = StoredValue.text(change.key(), value);
        return text == null ? io.commercemetrics.reports.format.Figures.NONE : text;
    }

    /** The numbers, in the list printed above, of the changes that can explain the figure. */
    private static String why(FigureChange change, List<String> changes) {
        StringJoiner numbers = new StringJoiner(",");
        for (String cause : change.causes()) {
            numbers.add(String.valueOf(changes.indexOf(cause) + 1));
        }
        return numbers.toString();
    }

    private static void table(List<String[]> rows, StringBuilder out) {
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], TerminalText.width(row[c]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean number = c >= FIRST_NUMBER && c <= LAST_NUMBER;
                String cell = number ? " ".repeat(widths[c] - TerminalText.width(row[c])) + row[c]
                        : TerminalText.fit(row[c], widths[c]);
                line.append(cell).append(c == row.length - 1 ? "" : "  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
