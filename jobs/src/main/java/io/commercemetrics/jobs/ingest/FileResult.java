package io.commercemetrics.jobs.ingest;

import java.util.List;
import java.util.Map;

/**
 * What one export file brought. {@code rowsRead = accepted + quarantined} always; rows a
 * cross-file rule rejects are moved from accepted to quarantined by {@link #withCrossFile}.
 * Older order versions that a newer one replaced stay accepted and are counted in {@code superseded}.
 *
 * @param change     NEW, CHANGED (replaced what the same name brought before) or UNCHANGED (same SHA-256)
 * @param rejection  why the whole file was rejected, or null
 * @param reasons    quarantine reasons by count
 */
public record FileResult(String source, String file, String sha256, Change change, long rowsRead,
                         long accepted, long quarantined, long superseded, Map<String, Long> reasons,
                         List<String> warnings, String rejection, long millis) {

    public enum Change { NEW, CHANGED, UNCHANGED }

    public FileResult {
        reasons = Map.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    public boolean rejected() {
        return rejection != null;
    }

    public FileResult asUnchanged(long tookMillis) {
        return new FileResult(source, file, sha256, Change.UNCHANGED, rowsRead, accepted, quarantined, superseded,
                reasons, warnings, rejection, tookMillis);
    }

    /** This file's counts after the cross-file step rejected {@code rejectedByReason} of its accepted rows. */
    public FileResult withCrossFile(Map<String, Long> rejectedByReason, long supersededRows) {
        long moved = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> merged = new java.util.TreeMap<>(reasons);
        rejectedByReason.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return new FileResult(source, file, sha256, change, rowsRead, accepted - moved, quarantined + moved,
                supersededRows, merged, warnings, rejection, millis);
    }
}
