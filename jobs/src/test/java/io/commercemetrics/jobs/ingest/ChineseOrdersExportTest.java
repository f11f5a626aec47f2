package io.commercemetrics.jobs.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import io.commercemetrics.jobs.spark.SharedSpark;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Taobao-style order export in GB18030 against the rows worked by hand in chinese-expected/README.md. */
class ChineseOrdersExportTest {

    private static final Path SAMPLE = PlatformGolden.RESOURCES.resolve("chinese").resolve("taobao-orders-2025-10.csv");
    private static final Path EXPECTED = PlatformGolden.RESOURCES.resolve("chinese-expected");
    private static final Map<String, String> BUYERS = Map.of("xiaoming", "buyer:小明爱喝茶",
            "mao", "buyer:𠮷野家的猫", "afang", "buyer:茶友阿芳");

    @TempDir
    Path tmp;

    @Test
    void yieldsTheHandWorkedOrdersLinesAndRefunds() throws Exception {
        PlatformImports imports = PlatformGolden.imports(tmp.resolve("wh"));

        Map<String, String> rows = PlatformGolden.render(SAMPLE, imports);

        assertThat(rows.keySet()).containsExactly("orders", "order_lines", "refunds");
        for (String source : rows.keySet()) {
            assertThat(rows.get(source)).as(source)
                    .isEqualTo(PlatformGolden.expected(EXPECTED.resolve(source + ".csv"), imports, BUYERS));
        }
    }

    @Test
    void gb18030ExportReachesTheWarehouseWithItsChineseTitlesIntactAndNoBuyerInClear() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
                .as("the sample is GB18030, not UTF-8").isInstanceOf(CharacterCodingException.class);
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(SAMPLE, in.resolve("taobao-orders-2025-10.csv"));
        // a low review of the first order, written without a sku: the report names the order's products
        Files.writeString(in.resolve("reviews.csv"), "review_id,order_id,customer_id,sku,rating,review_ts,title,body\n"
                + "rv1,3012345678901001,c1,,2,2025-10-09T10:00:00+08:00,杯子有裂纹,茶不错，杯子到货就裂了。\n",
                StandardCharsets.UTF_8);
        Path warehouse = tmp.resolve("wh");

        // no --encoding: the header is recognised as GB18030 and the file read in it
        IngestSummary summary = IngestFixtures.run(in, warehouse, "r1").runAll(SharedSpark.session());

        assertThat(summary.files()).extracting(FileResult::quarantined).containsOnly(0L);
        List<String> skus = WarehouseContents.raw(SharedSpark.session(), warehouse, "order_lines")
                .orderBy("order_id", "line_no").select("sku").collectAsList().stream().map(r -> r.getString(0)).toList();
        assertThat(skus).containsExactly("云南普洱茶 357克 饼茶", "手工青花瓷茶杯套装（4只装）", "𠮷祥 真丝睡衣 女 夏季薄款",
                "云南普洱茶 357克 饼茶", "紫砂壶 西施壶 宜兴原矿", "手工青花瓷茶杯套装（4只装）");
        // through the metrics to an exported table: the categories in review_summary stay Chinese
        Path tables = tmp.resolve("tables");
        assertThat(CommerceMetricsCli.execute("metrics", "--warehouse", warehouse.toString())).isZero();
        assertThat(CommerceMetricsCli.execute("export", "--warehouse", warehouse.toString(), "--out",
                tables.toString(), "--tables", "review_summary")).isZero();
        assertThat(Files.readString(tables.resolve("review_summary.csv"), StandardCharsets.UTF_8))
                .contains(",茶叶,", ",茶具,");
        // and into the management report: the product titles as the GB18030 file wrote them
        Path reports = tmp.resolve("reports");
        assertThat(CommerceMetricsCli.execute("report", "--warehouse", warehouse.toString(), "--month", "2025-10",
                "--kind", "management", "--out", reports.toString())).isZero();
        try (PDDocument pdf = Loader.loadPDF(reports.resolve("2025-10/management.pdf").toFile())) {
            // table cells wrap: compare without white space
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("云南普洱茶357克饼茶·手工青花瓷茶杯套装（4只装）").contains("杯子有裂纹");
        }
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain("小明爱喝茶").doesNotContain("王小明")
                        .doesNotContain("13800138000");
            }
        }
    }
}
