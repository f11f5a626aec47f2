package io.commercemetrics.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's peer: DuckDB ingests a generated export folder and computes the four core tables of
 * METRICS.md with the plain SQL under {@code duckdb/}, then writes them as CSV in the export format.
 * It uses nothing of the product, so agreement is evidence, not an echo. Prints one line per stage,
 * {@code duckdb <stage> <millis> ms}, for {@code bench/run} to collect.
 *
 * <pre>java -jar bench/target/duckdb-peer.jar --input DIR --out DIR</pre>
 */
public final class DuckDbPeer {

    static final List<String> TABLES = List.of("order_attribution", "repurchase_cohort", "repeat_rate", "traffic_cost");
    /** Text cells that come from input data get OWASP's leading quote when they start like a formula. */
    private static final Set<String> INPUT_TEXT = Set.of("order_id", "customer_id", "share_id", "click_id", "sharer_id",
            "channel");

    public static void main(String[] args) throws Exception {
        Path input = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (input == null || out == null) {
            usage("--input and --out are needed");
        }
        FolderSettings settings = FolderSettings.read(input.resolve("commerce-metrics.yaml"));
        Map<String, String> parameters = Map.of(
                "input", input.toAbsolutePath().toString().replace("'", "''"),
                "reporting_currency", settings.reportingCurrency(),
                "reporting_zone", settings.reportingZone(),
                "source_zone", settings.sourceZone());
        Path outFolder = out;
        Files.createDirectories(outFolder);
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            stage("ingest", () -> runScript(db, "ingest.sql", parameters));
            printRowCounts(db);
            stage("foundations", () -> runScript(db, "foundations.sql", parameters));
            for (String table : TABLES) {
                stage(table, () -> writeCsv(db, SqlScript.load(table + ".sql", parameters), outFolder.resolve(table + ".csv")));
            }
        }
        System.out.printf("duckdb total %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private interface Work {
        void run() throws SQLException, IOException;
    }

    private static void stage(String name, Work work) throws SQLException, IOException {
        long started = System.nanoTime();
        work.run();
        System.out.printf("duckdb %s %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
    }

    static final List<String> SOURCES = List.of("orders", "order_lines", "refunds", "shares", "share_clicks", "reviews",
            "traffic", "payouts", "fx_rates");

    /** Rows read per file and rows kept per typed table (orders: one per order), for rows/s and a sanity check. */
    private static void printRowCounts(Connection db) throws SQLException {
        long read = 0;
        try (Statement statement = db.createStatement()) {
            for (String source : SOURCES) {
                try (ResultSet raw = statement.executeQuery("SELECT count(*) FROM raw_" + source)) {
                    raw.next();
                    read += raw.getLong(1);
                }
                try (ResultSet typed = statement.executeQuery("SELECT count(*) FROM " + source)) {
                    typed.next();
                    System.out.printf("duckdb kept %s %d%n", source, typed.getLong(1));
                }
            }
        }
        System.out.printf("duckdb rows read %d%n", read);
    }

    private static void runScript(Connection db, String resource, Map<String, String> parameters) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String sql : SqlScript.statements(SqlScript.load(resource, parameters))) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(resource + ": " + e.getMessage() + "\nin: " + sql, e);
                }
            }
        }
    }

    /** The query returns every cell as its export text, in export order; this only writes CSV lines. */
    private static void writeCsv(Connection db, String query, Path file) throws SQLException, IOException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(query);
             BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(meta.getColumnLabel(i));
            }
            writer.write(String.join(",", names));
            writer.write('\n');
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        writer.write(',');
                    }
                    String cell = rows.getString(i);
                    writer.write(cell == null ? "" : csvCell(INPUT_TEXT.contains(names.get(i - 1)) ? guarded(cell) : cell));
                }
                writer.write('\n');
            }
        }
    }

    static String guarded(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String csvCell(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static void usage(String problem) {
        System.err.println("duckdb-peer: " + problem + "\nusage: duckdb-peer --input DIR --out DIR");
        System.exit(2);
    }

    /** The SQL files of the peer, with {@code ${name}} parameters filled in. */
    static final class SqlScript {

        static String load(String resource, Map<String, String> parameters) {
            try (InputStream in = DuckDbPeer.class.getResourceAsStream("/duckdb/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource duckdb/" + resource);
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> p : parameters.entrySet()) {
                    sql = sql.replace("${" + p.getKey() + "}", p.getValue());
                }
                return sql;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Statements end with ';' at the end of a line; comments are dropped first. */
        static List<String> statements(String script) {
            List<String> statements = new ArrayList<>();
            for (String part : script.replaceAll("(?m)--[^\\n]*", "").split(";\\s*\\n")) {
                if (!part.isBlank()) {
                    statements.add(part.strip());
                }
            }
            return statements;
        }
    }
}
