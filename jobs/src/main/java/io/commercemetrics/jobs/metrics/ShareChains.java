package io.commercemetrics.jobs.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.commercemetrics.jobs.spark.Materialized;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the view {@code share_chains(share_id, chain_share_ids, chain_sharer_ids)}: for every
 * share of the {@code shares} view, the shares met walking up its parents, itself first, and the
 * sharer of each. The walk stops at a share without parent, at a parent that is not known (or was
 * quarantined: DATA.md shares), and at a share already on the chain (ingest quarantines loops; the
 * walk never spins anyway). The fission chain (ledger) and the depth of a share (social_spread) are
 * both read from it.
 *
 * <p>Spark 4.0 SQL has no recursive CTE, so the walk is a loop of one join per level, every chain a
 * row partitioned like any other: nothing is collected to the driver, however many shares there are.
 * A level costs a small Spark job; chains are a few shares deep.
 */
public final class ShareChains {

    public static final String VIEW = "share_chains";

    /** Ingest quarantines looping chains; a chain this deep is refused rather than walked for hours. */
    private static final int MAX_DEPTH = 500;

    private ShareChains() {
    }

    public static Dataset<Row> register(SparkSession spark) {
        Dataset<Row> shares = spark.table("shares");
        Dataset<Row> parents = shares.select(col("share_id").as("p_id"), col("sharer_id").as("p_sharer"),
                col("parent_share_id").as("p_parent"));
        Dataset<Row> chains = Materialized.of(shares.select(col("share_id"),
                array(col("share_id")).as("chain_share_ids"),
                array(col("sharer_id")).as("chain_sharer_ids"),
                col("parent_share_id").as("next_share_id")));
        // a chain that has ended is set aside: each level joins only the chains still growing
        Dataset<Row> ended = chains.filter(col("next_share_id").isNull());
        Dataset<Row> growing = chains.filter(col("next_share_id").isNotNull());
        int depth = 1;
        while (!growing.isEmpty()) {
            if (++depth > MAX_DEPTH) {
                throw new IllegalStateException("share parent chains deeper than " + MAX_DEPTH
                        + " shares: not a real chain of re-shares (ingest quarantines loops)");
            }
            Dataset<Row> step = growing.join(parents, growing.col("next_share_id").equalTo(parents.col("p_id")), "left");
            // a known parent not already on the chain extends it; anything else ends it
            Column extends_ = col("p_id").isNotNull().and(not(array_contains(col("chain_share_ids"), col("p_id"))));
            chains = Materialized.of(step.select(col("share_id"),
                    when(extends_, concat(col("chain_share_ids"), array(col("p_id"))))
                            .otherwise(col("chain_share_ids")).as("chain_share_ids"),
                    when(extends_, concat(col("chain_sharer_ids"), array(col("p_sharer"))))
                            .otherwise(col("chain_sharer_ids")).as("chain_sharer_ids"),
                    when(extends_, col("p_parent")).otherwise(lit(null).cast("string")).as("next_share_id")));
            ended = ended.unionByName(chains.filter(col("next_share_id").isNull()));
            growing = chains.filter(col("next_share_id").isNotNull());
        }
        Dataset<Row> result = ended.drop("next_share_id");
        result.createOrReplaceTempView(VIEW);
        return result;
    }
}
