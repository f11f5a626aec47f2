package io.commercemetrics.jobs.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A derived view that several metric tables read, computed once and kept (memory, then local disk)
 * with a plan that starts at its rows. Cached instead, its whole lineage stays in the plan of every
 * query that reads it, and Spark analyses, optimises and matches against its cache that lineage
 * again for each of them: with the ledger's views stacked on one another, that planning on the
 * driver, with no task running, was most of a metrics run (jstack of the 1M-order benchmark).
 *
 * <p>The rows live on the executors that computed them (a local checkpoint): a lost executor fails
 * the step, which a restart of the job runs again. Raw tables stay cached instead: their plans are
 * a scan, and they are read by some tables only, so computing all of them up front would cost.
 */
public final class Materialized {

    private Materialized() {
    }

    /** Computes the rows now and returns them with a plan that reads only them. */
    public static Dataset<Row> of(Dataset<Row> rows) {
        return rows.localCheckpoint(true);
    }

    /**
     * Drops everything materialized or cached in this session: a step's views do not outlive it.
     * Waits until the blocks are gone: removed in the background, the last step's blocks were still
     * being removed when the process stopped Spark, which printed rejected-task stack traces.
     */
    public static void releaseAll(SparkSession spark) {
        spark.catalog().clearCache();
        JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs().values()
                .forEach(rdd -> rdd.unpersist(true));
    }
}
