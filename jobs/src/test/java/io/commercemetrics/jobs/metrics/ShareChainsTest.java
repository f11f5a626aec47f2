package io.commercemetrics.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.metrics.ledger.FissionChain;
import io.commercemetrics.jobs.spark.SharedSpark;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walk up the share tree, worked by hand on a small tree with every case of METRICS.md
 * "Fission chain": a sharer who re-shares higher up the chain (met once, at the first share of theirs
 * on the way up), a parent that is not known, and a loop (which ingest quarantines, but the walk must
 * end on anyway).
 *
 * <pre>
 *   s1 (ann) &lt;- s2 (bob) &lt;- s3 (ann) &lt;- s4 (cy)        s5 (dee) -&gt; unknown parent zz
 *   s6 (eve) &lt;-&gt; s7 (fay)   (each the other's parent)
 * </pre>
 */
class ShareChainsTest {

    private static SparkSession spark;

    @BeforeAll
    static void shares() {
        spark = SharedSpark.session();
        StructType schema = new StructType().add("share_id", DataTypes.StringType, false)
                .add("sharer_id", DataTypes.StringType, false).add("parent_share_id", DataTypes.StringType, true);
        spark.createDataFrame(List.of(
                RowFactory.create("s1", "ann", null),
                RowFactory.create("s2", "bob", "s1"),
                RowFactory.create("s3", "ann", "s2"),
                RowFactory.create("s4", "cy", "s3"),
                RowFactory.create("s5", "dee", "zz"),
                RowFactory.create("s6", "eve", "s7"),
                RowFactory.create("s7", "fay", "s6")), schema).createOrReplaceTempView("shares");
    }

    @Test
    void eachChainIsTheShareThenItsKnownAncestorsUntilAShareComesAgain() {
        ShareChains.register(spark);
        List<String> chains = spark.sql("SELECT share_id, concat_ws('<', chain_share_ids) AS shares, "
                + "concat_ws('<', chain_sharer_ids) AS sharers FROM share_chains ORDER BY share_id")
                .collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
                .toList();
        assertThat(chains).containsExactly(
                "s1 s1 ann",
                "s2 s2<s1 bob<ann",
                "s3 s3<s2<s1 ann<bob<ann",
                "s4 s4<s3<s2<s1 cy<ann<bob<ann",
                "s5 s5 dee",
                "s6 s6<s7 eve<fay",
                "s7 s7<s6 fay<eve");
    }

    @Test
    void levelsNumberTheDistinctSharersMetOnTheWayUpEachAtTheirFirstShare() {
        assertThat(levels(3)).containsExactly(
                "s1 1 ann s1",
                "s2 1 bob s2", "s2 2 ann s1",
                "s3 1 ann s3", "s3 2 bob s2",
                "s4 1 cy s4", "s4 2 ann s3", "s4 3 bob s2",
                "s5 1 dee s5",
                "s6 1 eve s6", "s6 2 fay s7",
                "s7 1 fay s7", "s7 2 eve s6");
        assertThat(levels(2)).doesNotContain("s4 3 bob s2").contains("s4 2 ann s3");
        // level 1 is always there: attribution names the level-1 sharer even when no level is paid
        assertThat(levels(0)).containsExactly("s1 1 ann s1", "s2 1 bob s2", "s3 1 ann s3", "s4 1 cy s4",
                "s5 1 dee s5", "s6 1 eve s6", "s7 1 fay s7");
    }

    private static List<String> levels(int maxLevels) {
        return FissionChain.register(spark, maxLevels).orderBy("share_id", "level").collectAsList().stream()
                .map(ShareChainsTest::line).collect(Collectors.toList());
    }

    private static String line(Row r) {
        return r.getString(0) + " " + r.getInt(1) + " " + r.getString(2) + " " + r.getString(3);
    }
}
