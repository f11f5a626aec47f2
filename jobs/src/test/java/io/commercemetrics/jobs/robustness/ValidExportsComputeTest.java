package io.commercemetrics.jobs.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.apache.spark.sql.SparkSession;

/**
 * Every export inside the contract computes (issue: "every valid row computes, and right in every
 * time zone"): a random small shop, crowded around DST changes, a leap day and ISO week 53, goes
 * through the real {@code ingest} and {@code metrics} commands, which must succeed, quarantine
 * nothing, and leave tables that keep the invariants of {@link LedgerInvariants}.
 *
 * <p>A try costs two commands and a fresh warehouse: 15 to 35 s of Spark's fixed cost per run of the
 * thirteen tables, whatever the size of the shop. So CI runs {@value #CI_TRIES} tries of shops large enough
 * (up to 60 orders, a few hundred rows) to meet many edge cases each (raise it when the metrics run
 * gets cheaper, issue 11); {@code -Dcommerce.property.tries=50}
 * runs more.
 */
@AddLifecycleHook(PropertyTriesFromSystemProperty.class)
class ValidExportsComputeTest {

    static final int CI_TRIES = 4;

    private static final List<ZoneId> ZONES = Stream.of("UTC", "America/New_York", "Europe/London",
            "Asia/Shanghai", "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu").map(ZoneId::of).toList();

    private static final Path ROOT = createRoot();

    @Property(tries = CI_TRIES, shrinking = ShrinkingMode.OFF)
    void validExportsIngestAndComputeKeepingEveryInvariant(@ForAll("shops") RandomShop.Settings settings)
            throws IOException {
        RandomShop shop = new RandomShop(settings);
        Path tryDir = Files.createTempDirectory(ROOT, "try-");
        Path exports = tryDir.resolve("exports");
        Path warehouse = tryDir.resolve("warehouse");
        shop.writeTo(exports);

        assertThat(CommerceMetricsCli.execute("ingest", "--input", exports.toString(),
                "--warehouse", warehouse.toString())).as("ingest exit code, %s", settings).isZero();
        assertEveryRowReadIsAccepted(warehouse, settings);
        assertThat(CommerceMetricsCli.execute("metrics", "--warehouse", warehouse.toString()))
                .as("metrics exit code, %s", settings).isZero();

        SparkSession spark = SharedSpark.session();
        new LedgerInvariants(spark, warehouse, shop).assertAll();
        deleteRecursively(tryDir); // kept for a look when the try failed
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Valid input: read = accepted + quarantined holds and nothing at all is quarantined. */
    private static void assertEveryRowReadIsAccepted(Path warehouse, RandomShop.Settings settings) throws IOException {
        Path manifest;
        try (Stream<Path> manifests = Files.list(warehouse.resolve("manifests"))) {
            manifest = manifests.filter(p -> p.getFileName().toString().startsWith("ingest-")).findFirst()
                    .orElseThrow();
        }
        JsonNode files = new ObjectMapper().readTree(manifest.toFile()).get("files");
        assertThat(files.size()).isEqualTo(8);
        for (JsonNode file : files) {
            long read = file.get("rows_read").asLong();
            assertThat(read).as("%s, %s", file, settings)
                    .isEqualTo(file.get("accepted").asLong() + file.get("quarantined").asLong());
            assertThat(file.get("quarantined").asLong()).as("quarantined from valid input: %s, %s", file, settings)
                    .isZero();
        }
    }

    @Provide
    Arbitrary<RandomShop.Settings> shops() {
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<RandomShop.Era> era = Arbitraries.of(RandomShop.Era.class);
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
        Arbitrary<String> currency = Arbitraries.of("CNY", "USD", "JPY", "KWD");
        Arbitrary<Integer> customers = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> orders = Arbitraries.integers().between(1, 60);
        Arbitrary<Integer> maxLevels = Arbitraries.integers().between(1, 4);
        Arbitrary<Boolean> selfReferral = Arbitraries.of(true, false);
        Arbitrary<Boolean> lastTouch = Arbitraries.of(true, false);
        Arbitrary<Integer> windowDays = Arbitraries.integers().between(1, 30);
        Arbitrary<Integer> holdDays = Arbitraries.integers().between(0, 20);
        Arbitrary<Boolean> twoVersions = Arbitraries.of(true, false);
        Arbitrary<Boolean> minPayout = Arbitraries.of(true, false);
        List<Arbitrary<Object>> parts = Stream.of(seed, era, zone, currency, customers, orders, maxLevels,
                selfReferral, lastTouch, windowDays, holdDays, twoVersions, minPayout).map(Arbitrary::asGeneric).toList();
        return Combinators.combine(parts).as(v -> new RandomShop.Settings(
                (Long) v.get(0), (RandomShop.Era) v.get(1), (ZoneId) v.get(2), (String) v.get(3), (Integer) v.get(4),
                (Integer) v.get(5), (Integer) v.get(6), (Boolean) v.get(7), (Boolean) v.get(8), (Integer) v.get(9),
                (Integer) v.get(10), (Boolean) v.get(11), (Boolean) v.get(12)));
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("valid-exports-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
