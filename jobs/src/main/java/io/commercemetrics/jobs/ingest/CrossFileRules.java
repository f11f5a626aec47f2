package io.commercemetrics.jobs.ingest;

import io.commercemetrics.warehouse.IngestTables;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The table-wide rules of DATA.md as Spark expressions over staged rows. Each rule splits rows
 * into those that stand and rejections; a rejection row is (source, file, line, raw, reasons,
 * kind), kind being what summaries count. Each rule's outcome is materialised (a local
 * checkpoint) so later rules, the counts and the writes do not recompute the rules before it.
 */
final class CrossFileRules {

    static final String REASON = "_reason";
    static final String KIND = "_kind";
    private static final String REPEATED = "_repeated";
    /** Repeated keys up to this many are sent to every task rather than joined by a shuffle. */
    static final long BROADCAST_REPEATED_KEYS = 200_000;

    private final long broadcastRepeatedKeys;

    private final List<Dataset<Row>> rejections = new ArrayList<>();

    CrossFileRules() {
        this(BROADCAST_REPEATED_KEYS);
    }

    /** @param broadcastRepeatedKeys up to how many repeated keys are broadcast (tests try both ways) */
    CrossFileRules(long broadcastRepeatedKeys) {
        this.broadcastRepeatedKeys = broadcastRepeatedKeys;
    }

    List<Dataset<Row>> rejections() {
        return rejections;
    }

    /**
     * The name part of {@code _file}, which holds a file's location: DATA.md orders files by name; files
     * of the same name from different folders then go by their full location.
     */
    static Column fileName() {
        return substring_index(col(IngestTables.FILE), "/", -1);
    }

    /**
     * Uniqueness: the first row by (file name, location, line) stands, later ones are duplicates.
     * Most keys occur once, so only the rows of a repeated key are ranked: the repeated keys (an
     * aggregate over the key columns, materialised) are joined to the rows, which adaptive execution
     * broadcasts when they are few, and the window and its materialisation see only those rows, not
     * every row of the source.
     */
    Dataset<Row> firstStands(Dataset<Row> rows, String source, String... keys) {
        Column[] keyCols = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
        // the repeated keys under names of their own: a join of a source with its own aggregate
        Column[] renamed = new Column[keys.length];
        String[] keyNames = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyNames[i] = "_key" + i;
            renamed[i] = col(keys[i]).as(keyNames[i]);
        }
        Dataset<Row> repeated = rows.groupBy(renamed).count().filter(col("count").gt(1)).drop("count")
                .withColumn(REPEATED, lit(true)).localCheckpoint();
        Column sameKey = lit(true);
        for (int i = 0; i < keys.length; i++) {
            sameKey = sameKey.and(col(keys[i]).eqNullSafe(col(keyNames[i])));  // as the window: null keys alike
        }
        // broadcast when few (the usual case): Spark cannot size a checkpoint, so it would shuffle every
        // row to join them; a source that is mostly duplicates takes the ordinary join
        Dataset<Row> marked = rows.join(repeated.count() <= broadcastRepeatedKeys ? broadcast(repeated) : repeated,
                        sameKey, "left_outer")
                .drop(keyNames);
        Dataset<Row> once = marked.filter(col(REPEATED).isNull()).drop(REPEATED);

        WindowSpec w = Window.partitionBy(keyCols).orderBy(fileName(), col(IngestTables.FILE), col(IngestTables.LINE));
        Dataset<Row> ranked = marked.filter(col(REPEATED).isNotNull()).drop(REPEATED)
                .withColumn("_rank", row_number().over(w))
                .withColumn("_first_file", first(col(IngestTables.FILE)).over(w))
                .withColumn("_first_line", first(col(IngestTables.LINE)).over(w))
                .localCheckpoint();
        String keyText = String.join(", ", keys);
        List<Column> shown = new ArrayList<>();
        for (String k : keys) {
            shown.add(col(k).cast("string"));
        }
        Column reason = concat(lit("duplicate " + keyText + " ("), concat_ws(", ", shown.toArray(Column[]::new)),
                lit("): the first row stands at "), col("_first_file"), lit(":"), col("_first_line").cast("string"));
        reject(ranked.filter(col("_rank").gt(1)), source, reason, lit("duplicate " + keyText));
        return once.unionByName(ranked.filter(col("_rank").equalTo(1)).drop("_rank", "_first_file", "_first_line"));
    }

    /**
     * Splits on {@code reason}: rows where it is not null are rejected (with {@code kind}), the
     * others returned without the helper columns.
     */
    Dataset<Row> rejectWhere(Dataset<Row> rows, String source, Column reason, Column kind, String... dropAfter) {
        // materialised once: the accepted rows and the rejections read it instead of recomputing the rule
        Dataset<Row> marked = rows.withColumn(REASON, reason).withColumn(KIND, kind).localCheckpoint();
        reject(marked.filter(col(REASON).isNotNull()), source, col(REASON), col(KIND));
        List<String> drop = new ArrayList<>(List.of(REASON, KIND));
        drop.addAll(List.of(dropAfter));
        return marked.filter(col(REASON).isNull()).drop(drop.toArray(String[]::new));
    }

    /** A reason built from several optional ones: null when none applies, else them joined. */
    static Column anyOf(Column... reasons) {
        Column joined = concat_ws("; ", reasons);
        return when(joined.equalTo(""), lit(null).cast("string")).otherwise(joined);
    }

    private void reject(Dataset<Row> rows, String source, Column reason, Column kind) {
        rejections.add(rows.select(lit(source).as("source"), col(IngestTables.FILE).as("file"),
                col(IngestTables.LINE).as("line"), col(IngestTables.RAW).as("raw"), reason.as("reasons"),
                kind.as("kind")));
    }
}
