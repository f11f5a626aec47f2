package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.jobs.metrics.ShareChains;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fission chain of every known share (METRICS.md "Fission chain"): walking up through the
 * parents, the distinct sharers met are numbered level 1, 2, ...; a sharer met again higher up is
 * skipped. The walk ({@link ShareChains}) stops at a share without parent or with an unknown (or
 * quarantined) parent; {@code ledger_share_levels.sql} numbers the sharers met.
 */
public final class FissionChain {

    /** The view this class registers: {@code (share_id, level, sharer_id, level_share_id)}. */
    public static final String VIEW = "ledger_share_levels";

    private FissionChain() {
    }

    /**
     * Registers {@link #VIEW} with levels 1..{@code levels} of every share in the {@code shares} view.
     * Level 1 is always walked, even with max-levels 0, because attribution names the level-1 sharer.
     */
    public static Dataset<Row> register(SparkSession spark, int levels) {
        ShareChains.register(spark);
        return MetricQueries.runAsView(spark, VIEW, Map.of("levels", Math.max(levels, 1)));
    }
}
