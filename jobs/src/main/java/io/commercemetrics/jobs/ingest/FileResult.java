package io.commercemetrics.jobs.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one export file brought. {@code rowsRead = accepted + quarantined} always; rows a
 * cross-file rule rejects are moved from accepted to quarantined by {@link #withCrossFile}.
 * Older order versions that a newer one replaced stay accepted and are counted in {@code superseded}.
 *
 * @param file        the file's name
 * @param path        the file's location (its identity, and the {@code _file} of its rows); null for a
 *                    file staged before files were identified by location (then the name is its identity)
 * @param change      NEW, CHANGED (replaced what the same location brought before) or UNCHANGED (same SHA-256)
 * @param rejection   why the whole file was rejected, or null
 * @param reasons     quarantine reasons by count, in the order of the reasons' text (a run's summary and
 *                    manifest read the same each time)
 * @param predecessor the earlier version of this file that this one replaced or, when this one was
 *                    rejected, that was kept; null when there was none (or it had been rejected itself)
 */
public record FileResult(String source, String file, String path, String sha256, Change change, long rowsRead,
                         long accepted, long quarantined, long superseded, Map<String, Long> reasons,
                         List<String> warnings, String rejection, Predecessor predecessor, long millis) {

    public enum Change { NEW, CHANGED, UNCHANGED }

    /**
     * The staged version before this run: its rows (those the warehouse kept of it in the run that read
     * it, as that run's summary showed them) and when it was staged (an ISO instant).
     */
    public record Predecessor(long rows, String stagedAt) {

        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        String stagedAtShown() {
            try {
                return SHOWN.format(Instant.parse(stagedAt));
            } catch (RuntimeException e) {
                return String.valueOf(stagedAt);
            }
        }
    }

    public FileResult {
        reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
        warnings = List.copyOf(warnings);
    }

    public boolean rejected() {
        return rejection != null;
    }

    /** What the {@code _file} column and the quarantine's {@code file} hold for this file's rows. */
    public String provenance() {
        return path != null ? path : file;
    }

    /**
     * The one sentence a user needs when this file replaced or kept an earlier version, e.g.
     * "orders.csv: replaced 2,799 rows by 2,801"; null when neither happened.
     */
    public String outcome() {
        return outcome(file);
    }

    /** {@link #outcome()} with the file called {@code label} (its location, in an error message). */
    public String outcome(String label) {
        if (rejected()) {
            String text = label + ": rejected (" + rejection + ")";
            return predecessor == null ? text : text + "; kept the " + String.format("%,d", predecessor.rows())
                    + " rows of the version ingested on " + predecessor.stagedAtShown();
        }
        if (change == Change.CHANGED && predecessor != null) {
            return String.format("%s: replaced %,d rows by %,d", label, predecessor.rows(), accepted);
        }
        return null;
    }

    public FileResult asUnchanged(long tookMillis) {
        return new FileResult(source, file, path, sha256, Change.UNCHANGED, rowsRead, accepted, quarantined,
                superseded, reasons, warnings, rejection, null, tookMillis);
    }

    FileResult withPredecessor(Predecessor before) {
        return new FileResult(source, file, path, sha256, change, rowsRead, accepted, quarantined, superseded,
                reasons, warnings, rejection, before, millis);
    }

    /** The same result for the file at {@code location} (a file staged under its name only, adopted). */
    FileResult at(String location) {
        return new FileResult(source, file, location, sha256, change, rowsRead, accepted, quarantined, superseded,
                reasons, warnings, rejection, predecessor, millis);
    }

    /** This file's counts after the cross-file step rejected {@code rejectedByReason} of its accepted rows. */
    public FileResult withCrossFile(Map<String, Long> rejectedByReason, long supersededRows) {
        if (rejected()) {
            // the rows under this file's name are the kept earlier version's, not this run's
            return this;
        }
        long moved = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> merged = new java.util.TreeMap<>(reasons);
        rejectedByReason.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return new FileResult(source, file, path, sha256, change, rowsRead, accepted - moved, quarantined + moved,
                supersededRows, merged, warnings, rejection, predecessor, millis);
    }
}
