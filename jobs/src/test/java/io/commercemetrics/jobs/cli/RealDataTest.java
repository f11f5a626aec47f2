package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on data nobody here made: UCI Online Retail converted to the input contract
 * (shared/realdata/online-retail, see its PROVENANCE.md). The expected figures are the published
 * ones quoted there, not this code's output. Skipped where shared/realdata is absent.
 */
class RealDataTest {

    private static final Path EXPORT = Path.of("..", "..", "shared", "realdata", "online-retail", "export");

    @TempDir
    Path dir;

    @Test
    void onlineRetailIngestsCleanlyAndReproducesThePublishedFigures() {
        assumeTrue(Files.isDirectory(EXPORT), "shared/realdata/online-retail not present");
        Path warehouse = dir.resolve("warehouse");

        assertThat(CommerceMetricsCli.execute("ingest", "--input", EXPORT.toString(),
                "--warehouse", warehouse.toString())).isZero();
        assertThat(CommerceMetricsCli.execute("metrics", "--warehouse", warehouse.toString())).isZero();

        // 18,532 invoices, every one credited to no share (the data has no shares)
        List<Object[]> attribution = WarehouseContents.metric(warehouse, MetricTables.ORDER_ATTRIBUTION);
        assertThat(attribution).hasSize(18_532);

        // "The December 2010 cohort has 885 customers, 324 of whom bought again in January 2011."
        List<Object[]> retention = WarehouseContents.metric(warehouse, MetricTables.COHORT_RETENTION);
        assertThat(retention).anySatisfy(row -> assertThat(row).containsExactly(
                "2010-12", "*", 1, 885L, 324L, new BigDecimal("0.366102")));

        // revenue £8,911,407.90: the monthly total rows add up to it (each cell rounded once)
        BigDecimal revenue = WarehouseContents.metric(warehouse, MetricTables.TRAFFIC_COST)
                .stream()
                .filter(row -> "month".equals(row[0]) && "*".equals(row[2]) && "*".equals(row[3]))
                .map(row -> (BigDecimal) row[10])
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(revenue).isEqualByComparingTo("8911407.90");

        // 4,338 customers in all: the cohorts' sizes add up to it
        long customers = WarehouseContents.metric(warehouse, MetricTables.REPURCHASE_COHORT).stream()
                .filter(row -> "*".equals(row[1]) && Integer.valueOf(30).equals(row[2]))
                .mapToLong(row -> (Long) row[3]).sum();
        assertThat(customers).isEqualTo(4_338);
    }
}
