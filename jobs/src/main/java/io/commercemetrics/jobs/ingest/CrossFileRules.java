package io.commercemetrics.jobs.ingest;

import io.commercemetrics.warehouse.IngestTables;
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

    private final List<Dataset<Row>> rejections = new ArrayList<>();

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

    /** Uniqueness: the first row by (file name, location, line) stands, later ones are duplicates. */
    Dataset<Row> firstStands(Dataset<Row> rows, String source, String... keys) {
        Column[] keyCols = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
        WindowSpec w = Window.partitionBy(keyCols).orderBy(fileName(), col(IngestTables.FILE), col(IngestTables.LINE));
        Dataset<Row> ranked = rows
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
        return ranked.filter(col("_rank").equalTo(1)).drop("_rank", "_first_file", "_first_line");
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
