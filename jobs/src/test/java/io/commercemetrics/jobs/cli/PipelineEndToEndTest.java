package io.commercemetrics.jobs.cli;

import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two promises a user sees first, through the real command line: the pipeline runs on the
 * committed sample data end to end, and ingesting the same exports again changes no table.
 */
class PipelineEndToEndTest {

    private static final Path SAMPLE_DATA = Path.of("..", "sample-data");

    @TempDir
    Path dir;

    @Test
    void pipelineOnSampleDataThenIngestAgainChangesNoCount() throws IOException {
        SparkSession spark = SharedSpark.session();
        Path warehouse = dir.resolve("warehouse");

        Path reports = dir.resolve("reports");
        int exit = CommerceMetricsCli.execute("pipeline", "--input", SAMPLE_DATA.toString(),
                "--warehouse", warehouse.toString(), "--reports", reports.toString());

        assertThat(exit).isZero();
        Map<String, Long> first = rawCounts(spark, warehouse);
        assertThat(first.get("orders")).isPositive();
        assertThat(first.get("quarantine")).isPositive();
        // one published run naming a committed snapshot of every metric table
        MetricsRunRecord run = WarehouseContents.latestRun(warehouse);
        assertThat(run.metricSnapshots().keySet())
                .containsExactlyInAnyOrderElementsOf(MetricTables.ALL.stream().map(TableSchema::name).toList());
        assertThat(run.metricSnapshots().values()).doesNotContainNull();
        assertThat(run.reportingCurrency()).isEqualTo("CNY");
        assertThat(run.reportingTimeZone()).isEqualTo("Asia/Shanghai");
        assertReadIsAcceptedPlusQuarantined(warehouse);
        assertTheRunRecordCountsEachFileAsTheIngestDid(warehouse, run);
        // jobs shows the pipeline with the rows it read and quarantined, as the quarantine table holds them
        String jobs = CommandOutput.of("jobs", "--warehouse", warehouse.toString());
        String pipeline = jobs.lines().filter(line -> line.matches("\\s*\\d+\\s+pipeline\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError(jobs));
        assertThat(pipeline).contains("COMPLETED", String.format("%,d", first.get("quarantine")));
        // the latest complete week and month of the sample (data end 2026-10-31, a Saturday)
        assertThat(reports.resolve("index.html")).exists();
        for (String pdf : List.of("2026-10/management.pdf", "2026-10/finance.pdf", "2026-W43/management.pdf")) {
            assertThat(pagesWithOnlyHeaderAndFooter(reports.resolve(pdf))).as(pdf).isEmpty();
        }
        assertThat(reports.resolve("2026-10/finance.xlsx")).exists();

        assertThat(CommerceMetricsCli.execute("ingest", "--input", SAMPLE_DATA.toString(),
                "--warehouse", warehouse.toString())).isZero();
        assertThat(rawCounts(spark, warehouse)).isEqualTo(first);

        Path exports = dir.resolve("exports");
        assertThat(CommerceMetricsCli.execute("export", "--warehouse", warehouse.toString(),
                "--out", exports.toString(), "--tables", "reconciliation,repurchase_cohort,quarantine")).isZero();
        List<String> reconciliation = Files.readAllLines(exports.resolve("reconciliation.csv"), StandardCharsets.UTF_8);
        assertThat(reconciliation.get(0))
                .isEqualTo("period,sharer_id,currency,expected_payout,paid,difference,status,payout_ids");
        // the sample's story: one underpaid and one duplicated payout (sample-data/README.md)
        assertThat(reconciliation).anyMatch(line -> line.contains(",underpaid,"));
        assertThat(reconciliation).anyMatch(line -> line.contains(",possible_duplicate,"));
        // the orphan order line planted at order_lines.csv line 213 (sample-data/README.md), with its reason
        String quarantine = Files.readString(exports.resolve("quarantine.csv"), StandardCharsets.UTF_8);
        assertThat(quarantine).startsWith("source,file,line,raw,reasons,run_id\n")
                .containsPattern("order_lines,[^,]*/sample-data/order_lines.csv,213,").contains("orphan order line");
    }

    @Test
    void aBadSettingStopsWithUsageExitCodeBeforeAnyWork() {
        int exit = CommerceMetricsCli.execute("metrics", "--warehouse", dir.resolve("w").toString(),
                "--set", "attribution.model=linear");
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("w").resolve("metrics")).doesNotExist();
    }

    @Test
    void aMissingInputIsAUsageErrorBeforeAnyWork() {
        int exit = CommerceMetricsCli.execute("ingest", "--input", dir.resolve("no-such-folder").toString(),
                "--warehouse", dir.resolve("w").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("w")).doesNotExist();
    }

    /** A page whose text is no more than the running header and footer lines is a layout slip. */
    private static List<Integer> pagesWithOnlyHeaderAndFooter(Path pdf) throws IOException {
        List<Integer> blank = new java.util.ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(page);
                text.setEndPage(page);
                if (text.getText(document).lines().filter(line -> !line.isBlank()).count() <= 2) {
                    blank.add(page);
                }
            }
        }
        return blank;
    }

    private static Map<String, Long> rawCounts(SparkSession spark, Path warehouse) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableSchema source : Sources.ALL) {
            counts.put(source.name(), WarehouseContents.raw(spark, warehouse, source.name())
                    .count());
        }
        counts.put("quarantine", WarehouseContents.quarantine(spark, warehouse).count());
        return counts;
    }

    /**
     * The provenance the reports print: every input file of the run record carries the ingest's
     * counts (read, accepted, quarantined, superseded order versions), and the rows kept for the
     * metrics are the accepted ones less the superseded.
     */
    private static void assertTheRunRecordCountsEachFileAsTheIngestDid(Path warehouse, MetricsRunRecord run)
            throws IOException {
        try (Stream<Path> manifests = Files.list(warehouse.resolve("manifests"))) {
            Path manifest = manifests.filter(p -> p.getFileName().toString().startsWith("ingest-")).findFirst()
                    .orElseThrow();
            JsonNode files = new ObjectMapper().readTree(Files.readString(manifest)).get("files");
            for (JsonNode file : files) {
                MetricsRunRecord.InputFile input = run.inputs().stream()
                        .filter(i -> i.source().equals(file.get("source").asText())
                                && i.file().equals(file.get("path").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError("not in the run record: " + file));
                assertThat(input.read()).as(input.file()).isEqualTo(file.get("rows_read").asLong());
                assertThat(input.accepted()).as(input.file()).isEqualTo(file.get("accepted").asLong());
                assertThat(input.quarantined()).as(input.file()).isEqualTo(file.get("quarantined").asLong());
                assertThat(input.superseded()).as(input.file()).isEqualTo(file.get("superseded_versions").asLong());
                assertThat(input.rows()).as(input.file()).isEqualTo(input.accepted() - input.superseded());
            }
            // the sample's orders.csv: 4,532 rows read, 7 quarantined, 1,726 older order versions replaced
            assertThat(run.inputs()).anySatisfy(input -> {
                assertThat(input.file()).endsWith("/sample-data/orders.csv");
                assertThat(input.superseded()).isPositive();
            });
        }
    }

    /** Every manifest lists every file with read = accepted + quarantined. */
    private static void assertReadIsAcceptedPlusQuarantined(Path warehouse) throws IOException {
        try (Stream<Path> manifests = Files.list(warehouse.resolve("manifests"))) {
            Path manifest = manifests.filter(p -> p.getFileName().toString().startsWith("ingest-")).findFirst()
                    .orElseThrow();
            String text = Files.readString(manifest);
            JsonNode root = new ObjectMapper().readTree(text);
            JsonNode files = root.get("files");
            assertThat(files).isNotNull();
            assertThat(files.size()).isEqualTo(9);
            for (JsonNode file : files) {
                long read = file.path("rows_read").asLong(-1);
                long accepted = file.path("accepted").asLong(-1);
                long quarantined = file.path("quarantined").asLong(-1);
                assertThat(read).as(file.toString()).isEqualTo(accepted + quarantined).isPositive();
            }
        }
    }
}
