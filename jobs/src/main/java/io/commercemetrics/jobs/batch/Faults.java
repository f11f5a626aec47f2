package io.commercemetrics.jobs.batch;

/**
 * An injected failure, for proving restarts: with the system property
 * {@code commerce-metrics.fail-after-table=<table>} a metrics run fails right after committing that
 * table, as a run fails in the middle of its work (an executor lost, a disk full); with
 * {@code commerce-metrics.fail-before-step=<step>} a job fails as that step starts. Never set in
 * normal use; the restart tests set them.
 */
public final class Faults {

    public static final String FAIL_AFTER_TABLE = "commerce-metrics.fail-after-table";
    public static final String FAIL_BEFORE_STEP = "commerce-metrics.fail-before-step";

    private Faults() {
    }

    static void afterTable(String table) {
        if (table.equals(System.getProperty(FAIL_AFTER_TABLE))) {
            throw new IllegalStateException("injected fault after table " + table + " (" + FAIL_AFTER_TABLE + ")");
        }
    }

    static void beforeStep(String step) {
        if (step.equals(System.getProperty(FAIL_BEFORE_STEP))) {
            throw new IllegalStateException("injected fault before step " + step + " (" + FAIL_BEFORE_STEP + ")");
        }
    }
}
