package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's promise: a Shopify export and the same orders written in the input contract give
 * the same metric tables, through the real command line (ingest, metrics, export).
 */
class ShopifyMatchesContractMetricsTest {

    @TempDir
    Path tmp;

    @Test
    void shopifyExportAndItsContractTwinExportTheSameMetricTables() throws Exception {
        SharedSpark.session();
        Path shopifyIn = tmp.resolve("shopify-in");
        Files.createDirectories(shopifyIn);
        Files.copy(ShopifyOrdersExportTest.SAMPLE, shopifyIn.resolve("orders_export_1.csv"));
        Path shopifyWarehouse = tmp.resolve("shopify-wh");
        // the contract twin names customers by the pseudonyms this warehouse's salt gives them
        PlatformImports imports = PlatformGolden.imports(shopifyWarehouse);
        Path contractIn = tmp.resolve("contract-in");
        Files.createDirectories(contractIn);
        for (String source : List.of("orders", "order_lines", "refunds")) {
            Files.writeString(contractIn.resolve(source + ".csv"), PlatformGolden.expected(
                    ShopifyOrdersExportTest.EXPECTED.resolve(source + ".csv"), imports,
                    ShopifyOrdersExportTest.CUSTOMERS));
        }

        Path shopifyTables = ingestMetricsExport(shopifyIn, shopifyWarehouse);
        Path contractTables = ingestMetricsExport(contractIn, tmp.resolve("contract-wh"));

        for (TableSchema table : MetricTables.ALL) {
            String name = table.name() + ".csv";
            assertThat(Files.readString(shopifyTables.resolve(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(Files.readString(contractTables.resolve(name), StandardCharsets.UTF_8));
        }
        // not vacuous: the four orders that were not cancelled reached the tables
        assertThat(Files.readAllLines(shopifyTables.resolve("order_attribution.csv"))).hasSize(5)
                .anyMatch(line -> line.startsWith("#1004,"));
    }

    private Path ingestMetricsExport(Path input, Path warehouse) {
        Path out = warehouse.resolveSibling(warehouse.getFileName() + "-tables");
        assertThat(CommerceMetricsCli.execute("ingest", "--input", input.toString(),
                "--warehouse", warehouse.toString())).isZero();
        assertThat(CommerceMetricsCli.execute("metrics", "--warehouse", warehouse.toString())).isZero();
        assertThat(CommerceMetricsCli.execute("export", "--warehouse", warehouse.toString(),
                "--out", out.toString())).isZero();
        return out;
    }
}
