package io.commercemetrics.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.generate.ExportFolder.Row;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {

    private static final int CUSTOMERS = 300;

    @TempDir
    static Path temp;
    private static GenerationSummary summary;
    private static ExportFolder folder;

    @BeforeAll
    static void generateOnce() {
        summary = new ExportGenerator().generate(GeneratorSettings.defaults(temp.resolve("a")).withCustomers(CUSTOMERS));
        folder = new ExportFolder(summary.out());
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        GenerationSummary again = new ExportGenerator().generate(GeneratorSettings.defaults(temp.resolve("b")).withCustomers(CUSTOMERS));

        Map<String, String> first = sha256OfEveryFile(summary.out());
        assertThat(first).hasSize(Sources.ALL.size() + 1);
        assertThat(sha256OfEveryFile(again.out())).isEqualTo(first);
        assertThat(again.plantedBadRows()).isEqualTo(summary.plantedBadRows());
    }

    @Test
    void sizingByOrdersWritesAboutThatManyOrders() {
        GenerationSummary sized = new ExportGenerator().generate(GeneratorSettings.defaults(temp.resolve("orders"))
                .withCustomers(GeneratorSettings.customersForOrders(2_000)));

        assertThat(sized.orders()).isBetween(1_800L, 2_200L);
        assertThat(GeneratorSettings.customersForOrders(2_801)).isEqualTo(GeneratorSettings.DEFAULT_CUSTOMERS + 1);
        assertThat(GeneratorSettings.customersForOrders(10)).isEqualTo(50);
    }

    @Test
    void anotherSeedGivesOtherFiles() throws IOException {
        GenerationSummary other = new ExportGenerator().generate(
                GeneratorSettings.defaults(temp.resolve("c")).withCustomers(CUSTOMERS).withSeed(43));

        Map<String, String> first = sha256OfEveryFile(summary.out());
        Map<String, String> second = sha256OfEveryFile(other.out());
        for (TableSchema source : Sources.ALL) {
            String file = source.name() + ".csv";
            assertThat(second.get(file)).as(file).isNotEqualTo(first.get(file));
        }
    }

    @Test
    void everySourceIsWrittenWithItsHeaderAndTheFolderSettings() {
        for (TableSchema source : Sources.ALL) {
            assertThat(folder.header(source)).as(source.name()).isEqualTo(source.columnNames());
            assertThat(folder.rows(source)).as(source.name()).isNotEmpty();
            assertThat(summary.rowsByFile()).containsEntry(source.name() + ".csv", (long) folder.rows(source).size());
        }
        PipelineConfig config = ConfigLoader.defaults()
                .withFile(summary.out().resolve(ConfigLoader.FOLDER_CONFIG_NAME)).load();
        assertThat(config.reporting().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.reporting().currency()).isEqualTo("CNY");
    }

    @Test
    void nothingIsDatedAfterTheEndDateAndTheLastDayHasOrders() {
        List<String> stamps = new ArrayList<>();
        folder.rows(Sources.ORDERS).forEach(o -> stamps.add(o.get("updated_ts")));
        folder.rows(Sources.REFUNDS).forEach(r -> stamps.add(r.get("refund_ts")));
        folder.rows(Sources.REVIEWS).forEach(r -> stamps.add(r.get("review_ts")));
        folder.rows(Sources.SHARE_CLICKS).forEach(c -> stamps.add(c.get("click_ts")));
        folder.rows(Sources.PAYOUTS).stream().filter(p -> p.has("paid_ts")).forEach(p -> stamps.add(p.get("paid_ts")));
        LocalDate end = GeneratorSettings.DEFAULT_END_DATE;
        assertThat(stamps).allSatisfy(stamp -> {
            if (IndependentReconciliation.instant(stamp) != null) {
                assertThat(IndependentReconciliation.localDate(stamp)).isBeforeOrEqualTo(end);
            }
        });
        assertThat(folder.rows(Sources.ORDERS).stream().map(o -> o.get("order_ts"))
                .filter(ts -> IndependentReconciliation.instant(ts) != null).map(IndependentReconciliation::localDate))
                .contains(end);
    }

    @Test
    void ordersHaveVersionsAndGrossEqualsTheirLines() {
        Map<String, List<Row>> versions = new TreeMap<>();
        folder.rows(Sources.ORDERS).forEach(o -> versions.computeIfAbsent(o.get("order_id"), k -> new ArrayList<>()).add(o));
        assertThat(versions.values()).anySatisfy(v -> assertThat(v.get(v.size() - 1).get("status")).isEqualTo("cancelled"));
        assertThat(versions.values().stream().filter(v -> v.size() > 1).count()).isGreaterThan(versions.size() / 5);
        assertThat(versions.values().stream().map(v -> v.get(0).get("currency")).distinct()).containsExactlyInAnyOrder("CNY", "USD");

        Map<String, BigDecimal> lineNets = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        for (Row l : folder.rows(Sources.ORDER_LINES)) {
            if (keys.add(l.get("order_id") + "/" + l.get("line_no")) && IndependentReconciliation.isDecimal(l.get("unit_price"))) {
                BigDecimal net = new BigDecimal(l.get("quantity")).multiply(new BigDecimal(l.get("unit_price")))
                        .subtract(l.has("line_discount") ? new BigDecimal(l.get("line_discount")) : BigDecimal.ZERO);
                lineNets.merge(l.get("order_id"), net, BigDecimal::add);
            }
        }
        long checked = versions.values().stream().map(v -> v.get(0)).filter(o -> lineNets.containsKey(o.get("order_id")))
                .peek(o -> assertThat(new BigDecimal(o.get("gross_amount"))).as(o.get("order_id"))
                        .isEqualByComparingTo(lineNets.get(o.get("order_id"))))
                .count();
        assertThat(checked).isGreaterThan(versions.size() * 9L / 10);
    }

    static Map<String, String> sha256OfEveryFile(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                hashes.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
