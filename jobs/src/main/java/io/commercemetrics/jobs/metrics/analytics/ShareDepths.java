package io.commercemetrics.jobs.metrics.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the view {@code share_depths(share_id, depth)}: the length of each share's parent chain
 * counted in shares (METRICS.md social_spread {@code max_depth}: a share without parent has depth 1,
 * ancestors from any period count). The walk stops at an unknown parent (DATA.md shares). Spark 4.0
 * SQL has no recursive CTE, so the walk is a loop of one join per chain level.
 */
public final class ShareDepths {

    /** Ingest quarantines looping chains; a chain this deep means the input bypassed that check. */
    private static final int MAX_DEPTH = 500;

    private ShareDepths() {
    }

    public static Dataset<Row> register(SparkSession spark) {
        Dataset<Row> parents = spark.table("shares").select(col("share_id").as("p_id"),
                col("parent_share_id").as("p_parent"));
        Dataset<Row> walk = spark.table("shares").select(col("share_id"),
                col("parent_share_id").as("next"), lit(1).as("depth"));
        int level = 1;
        while (!walk.filter(col("next").isNotNull()).isEmpty()) {
            if (++level > MAX_DEPTH) {
                throw new IllegalStateException("share parent chains deeper than " + MAX_DEPTH + ": a loop?");
            }
            Dataset<Row> step = walk.join(parents, walk.col("next").equalTo(parents.col("p_id")), "left");
            walk = step.select(col("share_id"),
                    col("p_parent").as("next"),
                    when(col("p_id").isNotNull(), col("depth").plus(1)).otherwise(col("depth")).as("depth"))
                    .localCheckpoint();
        }
        Dataset<Row> depths = walk.select(col("share_id"), col("depth"));
        depths.createOrReplaceTempView("share_depths");
        return depths;
    }
}
