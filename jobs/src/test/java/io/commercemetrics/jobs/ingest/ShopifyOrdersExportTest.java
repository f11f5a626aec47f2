package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.ingest.platform.CustomerPseudonyms;
import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shopify's orders export against the contract rows worked by hand in shopify-expected/README.md. */
class ShopifyOrdersExportTest {

    static final Path SAMPLE = PlatformGolden.RESOURCES.resolve("shopify").resolve("orders_export_1.csv");
    static final Path EXPECTED = PlatformGolden.RESOURCES.resolve("shopify-expected");
    static final Map<String, String> CUSTOMERS = Map.of("alice", "email:alice@example.com",
            "bob", "email:bob@example.com", "carol", "email:carol@example.com", "dave", "email:dave@example.com");

    @TempDir
    Path tmp;

    @Test
    void yieldsTheHandWorkedOrdersLinesAndRefunds() throws Exception {
        PlatformImports imports = PlatformGolden.imports(tmp.resolve("wh"));

        Map<String, String> rows = PlatformGolden.render(SAMPLE, imports);

        assertThat(rows.keySet()).containsExactly("orders", "order_lines", "refunds");
        for (String source : rows.keySet()) {
            assertThat(rows.get(source)).as(source)
                    .isEqualTo(PlatformGolden.expected(EXPECTED.resolve(source + ".csv"), imports, CUSTOMERS));
        }
        // e-mails are compared without case: #1004's ALICE@example.com is Alice's repeat order
        assertThat(imports.pseudonyms().of("email", "ALICE@example.com"))
                .isEqualTo(imports.pseudonyms().of("email", "alice@example.com"));
    }

    @Test
    void ingestAcceptsEveryRowAtItsLineAndKeepsNoPersonalDataInTheWarehouse() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(SAMPLE, in.resolve("orders_export_1.csv"));
        Path warehouse = tmp.resolve("wh");
        IngestRun run = IngestFixtures.run(in, warehouse, "r1");

        assertThat(run.discover().all()).extracting(ExportFile::source)
                .containsExactly("orders", "order_lines", "refunds");
        for (String source : List.of("orders", "order_lines", "refunds")) {
            FileResult result = run.ingestSource(source).files().get(0);
            assertThat(result.quarantined()).as(source).isZero();
        }

        List<Map<String, String>> orders = IngestFixtures.stagedRows(warehouse, "orders", "orders_export_1.csv");
        // the quarantine and the warehouse point at the platform file's own lines (#1003 spans lines 5-6)
        assertThat(orders).extracting(r -> r.get("_line")).containsExactly("2", "4", "5", "7", "9", "10");
        assertThat(orders.get(1).get("_raw")).startsWith("#1002,[redacted],paid,")
                .contains("[redacted]").doesNotContain("Bob").doesNotContain("+33");
        assertThat(IngestFixtures.stagedRows(warehouse, "order_lines", "orders_export_1.csv")).hasSize(8);
        assertThat(IngestFixtures.stagedRows(warehouse, "refunds", "orders_export_1.csv")).hasSize(2);

        Path salt = warehouse.resolve(CustomerPseudonyms.SALT_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(salt))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain("example.com").doesNotContain("Martin");
            }
        }
    }

    @Test
    void aChangedChannelMapReadsAnUnchangedExportAgain() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(SAMPLE, in.resolve("orders_export_1.csv"));
        Path warehouse = tmp.resolve("wh");
        IngestFixtures.run(in, warehouse, "r1").ingestSource("orders");

        FileResult again = IngestFixtures.run(in, warehouse, "r2",
                "imports.channels.referring-site={bing: ads}").ingestSource("orders").files().get(0);

        assertThat(again.change()).isEqualTo(FileResult.Change.CHANGED);
        // google is no longer listed: #1001 falls through to its Source, web -> direct
        assertThat(IngestFixtures.stagedRows(warehouse, "orders", "orders_export_1.csv"))
                .extracting(r -> r.get("order_id") + " " + r.get("channel"))
                .contains("#1001 direct", "#1006 ads");
    }
}
