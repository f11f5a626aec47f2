package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.warehouse.IngestTables;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uniqueness across files: the first row by file name, location and line stands, worked out by hand. */
class CrossFileRulesTest {

    private static final StructType STAGED = new StructType()
            .add("review_id", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add(IngestTables.FILE, DataTypes.StringType)
            .add(IngestTables.LINE, DataTypes.LongType)
            .add(IngestTables.RAW, DataTypes.StringType);

    /** 0: the repeated keys are joined by a shuffle; the default: they are broadcast. Same outcome. */
    @ParameterizedTest
    @ValueSource(longs = {0, CrossFileRules.BROADCAST_REPEATED_KEYS})
    void theFirstRowOfARepeatedKeyStandsAndEveryLaterOneIsADuplicatePointingAtIt(long broadcastRepeatedKeys) {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> rows = spark.createDataFrame(List.of(
                // R1 three times: b.csv sorts after a.csv, so a.csv line 3 is the first
                RowFactory.create("R1", "late", "/in/b.csv", 2L, "R1,late"),
                RowFactory.create("R1", "second", "/in/a.csv", 5L, "R1,second"),
                RowFactory.create("R1", "first", "/in/a.csv", 3L, "R1,first"),
                // the same name in two folders: by the full location, /in/x/ before /in/y/
                RowFactory.create("R2", "from y", "/in/y/c.csv", 2L, "R2,from y"),
                RowFactory.create("R2", "from x", "/in/x/c.csv", 9L, "R2,from x"),
                RowFactory.create("R3", "alone", "/in/b.csv", 3L, "R3,alone")), STAGED);
        CrossFileRules rules = new CrossFileRules(broadcastRepeatedKeys);

        Dataset<Row> standing = rules.firstStands(rows, "reviews", "review_id");

        assertThat(standing.columns()).containsExactly(STAGED.fieldNames());
        assertThat(standing.collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1))
                .sorted().collect(Collectors.toList())).containsExactly("R1 first", "R2 from x", "R3 alone");
        assertThat(rules.rejections()).hasSize(1);
        assertThat(rules.rejections().get(0).collectAsList().stream()
                .map(r -> r.getString(1) + ":" + r.getLong(2) + " " + r.getString(4) + " [" + r.getString(5) + "]")
                .sorted().collect(Collectors.toList())).containsExactly(
                "/in/a.csv:5 duplicate review_id (R1): the first row stands at /in/a.csv:3 [duplicate review_id]",
                "/in/b.csv:2 duplicate review_id (R1): the first row stands at /in/a.csv:3 [duplicate review_id]",
                "/in/y/c.csv:2 duplicate review_id (R2): the first row stands at /in/x/c.csv:9 [duplicate review_id]");
    }
}
