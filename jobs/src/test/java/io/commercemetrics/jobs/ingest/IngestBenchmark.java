package io.commercemetrics.jobs.ingest;

import io.commercemetrics.warehouse.AtomicPublisher;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * Rows/s of one file's parse + validate + Parquet write on one thread, beside plain FastCSV
 * parsing of the same file (no validation, no output) as the peer. Run:
 * {@code java -cp <test classpath> io.commercemetrics.jobs.ingest.IngestBenchmark [rows]}.
 */
public final class IngestBenchmark {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("ingest-bench");
        Path csv = dir.resolve("orders.csv");
        generate(csv, rows);
        System.out.printf("%d synthetic order rows, %.1f MB%n", rows, Files.size(csv) / 1e6);
        for (int round = 1; round <= 3; round++) {
            double peer = fastCsvOnly(csv, rows);
            double parse = parseOnly(csv, rows, false);
            double validate = parseOnly(csv, rows, true);
            double ours = ingest(csv, dir, round, rows);
            System.out.printf("round %d: own CSV reader %,.0f rows/s; + validation %,.0f rows/s%n",
                    round, parse, validate);
            System.out.printf("round %d: ingest (parse+validate+write) %,.0f rows/s; FastCSV parse only %,.0f rows/s;"
                    + " ratio %.2f%n", round, ours, peer, ours / peer);
        }
        AtomicPublisher.deleteRecursively(dir);
    }

    private static double ingest(Path csv, Path dir, int round, int rows) throws IOException {
        ExportFile file = FileDiscovery.recognise(csv).orElseThrow();
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        FileResult result = new FileIngestor(file, null, ZoneOffset.UTC, "bench" + round, new ReadProgress())
                .stage(dir.resolve("staging").resolve("orders").resolve("orders.csv"), "-", FileResult.Change.NEW);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("ingest: %.2f s wall, %.2f s CPU of the reading thread: %,.0f rows per CPU-second%n",
                seconds, cpuSeconds, rows / cpuSeconds);
        if (result.accepted() != rows) {
            throw new IllegalStateException("expected every row accepted: " + result);
        }
        return rows / seconds;
    }

    /** The stages before the Parquet write, to see where the time goes. */
    private static double parseOnly(Path csv, int rows, boolean validate) throws IOException {
        ExportFile file = FileDiscovery.recognise(csv).orElseThrow();
        RowValidator validator = new RowValidator(io.commercemetrics.schemas.Sources.ORDERS, ZoneOffset.UTC);
        long start = System.nanoTime();
        long valid = 0;
        try (ExportRecords records = new CsvExportRecords(ExportInput.openText(file, StandardCharsets.UTF_8),
                io.commercemetrics.schemas.Sources.ORDERS)) {
            while (records.next()) {
                if (!validate || validator.validate(records.values())) {
                    valid++;
                }
            }
        } catch (FileRejectedException e) {
            throw new IllegalStateException(e.reason());
        }
        if (valid != rows) {
            throw new IllegalStateException("expected " + rows + " valid rows, got " + valid);
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static double fastCsvOnly(Path csv, int rows) throws IOException {
        long start = System.nanoTime();
        long fields = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            for (CsvRecord r : reader) {
                fields += r.getFieldCount();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (fields == 0) {
            throw new IllegalStateException("nothing parsed");
        }
        return rows / seconds;
    }

    private static void generate(Path csv, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("order_id,customer_id,order_ts,updated_ts,status,currency,gross_amount,discount_amount,"
                    + "shipping_amount,tax_amount,channel,visitor_id,share_code,coupon_code,store_id\n");
            String[] statuses = {"placed", "paid", "shipped", "delivered", "cancelled"};
            String[] channels = {"search", "ads", "direct", "email", "social_share", "live_stream"};
            for (int i = 0; i < rows; i++) {
                int day = 1 + i % 28;
                int minute = i % 60;
                w.write("ord-" + i + ",cust-" + (i % 50_000) + ",2026-10-" + (day < 10 ? "0" : "") + day + "T12:"
                        + (minute < 10 ? "0" : "") + minute + ":00+08:00,,"
                        + statuses[i % statuses.length] + ",CNY," + (100 + i % 900) + "." + (10 + i % 90) + ","
                        + (i % 7) + ".00,8.00,0," + channels[i % channels.length] + ",v-" + i + ",,,store-"
                        + (i % 20) + "\n");
            }
        }
    }
}
