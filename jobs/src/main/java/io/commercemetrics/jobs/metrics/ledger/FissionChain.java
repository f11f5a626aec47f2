package io.commercemetrics.jobs.metrics.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fission chain of every known share (METRICS.md "Fission chain"): walking up through the
 * parents, the distinct sharers met are numbered level 1, 2, ...; a sharer met again higher up is
 * skipped. The walk stops at a share without parent or with an unknown (or quarantined) parent.
 *
 * <p>The share tree (three short strings per share) is walked on the driver: shares are a small
 * dimension beside orders and clicks, and a walk of arbitrary depth is a plain loop here where
 * SQL would need one self-join per level.
 */
public final class FissionChain {

    /** The view this class registers: {@code (share_id, level, sharer_id, level_share_id)}. */
    public static final String VIEW = "ledger_share_levels";

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("share_id", DataTypes.StringType, false),
            DataTypes.createStructField("level", DataTypes.IntegerType, false),
            DataTypes.createStructField("sharer_id", DataTypes.StringType, false),
            DataTypes.createStructField("level_share_id", DataTypes.StringType, false)));

    private record Share(String sharerId, String parentShareId) {
    }

    private FissionChain() {
    }

    /**
     * Registers {@link #VIEW} with levels 1..{@code levels} of every share in the {@code shares} view.
     * Level 1 is always walked, even with max-levels 0, because attribution names the level-1 sharer.
     */
    public static Dataset<Row> register(SparkSession spark, int levels) {
        Map<String, Share> shares = new HashMap<>();
        for (Row row : spark.table("shares").select("share_id", "sharer_id", "parent_share_id").collectAsList()) {
            shares.put(row.getString(0), new Share(row.getString(1), row.getString(2)));
        }
        List<Row> rows = new ArrayList<>();
        for (String shareId : shares.keySet()) {
            rows.addAll(walk(shareId, shares, Math.max(levels, 1)));
        }
        Dataset<Row> result = spark.createDataFrame(rows, SCHEMA);
        result.createOrReplaceTempView(VIEW);
        return result;
    }

    private static List<Row> walk(String creditedShare, Map<String, Share> shares, int levels) {
        List<Row> rows = new ArrayList<>();
        Set<String> sharersMet = new HashSet<>();
        Set<String> sharesVisited = new HashSet<>(); // loops are quarantined at ingest; never spin anyway
        String current = creditedShare;
        while (current != null && shares.containsKey(current) && sharesVisited.add(current)
                && rows.size() < levels) {
            Share share = shares.get(current);
            if (sharersMet.add(share.sharerId())) {
                rows.add(RowFactory.create(creditedShare, sharersMet.size(), share.sharerId(), current));
            }
            current = share.parentShareId();
        }
        return rows;
    }
}
