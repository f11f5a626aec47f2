package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Google Ads and Meta Ads daily reports against the traffic rows worked by hand in ad-reports-expected/README.md. */
class AdSpendReportTest {

    private static final Path SAMPLES = PlatformGolden.RESOURCES.resolve("ad-reports");
    private static final Path EXPECTED = PlatformGolden.RESOURCES.resolve("ad-reports-expected");
    private static final String CAMPAIGN_WORDS = "imports.ad-campaigns.match={brand: search, live: live_stream}";

    @TempDir
    Path tmp;

    @Test
    void googleAdsAndMetaReportsYieldTheHandWorkedTraffic() throws Exception {
        PlatformImports imports = PlatformGolden.imports(tmp.resolve("wh"), CAMPAIGN_WORDS);
        for (String sample : new String[] {"campaign_report_2025-10.csv", "meta-ads-2025-10.csv"}) {
            Map<String, String> rows = PlatformGolden.render(SAMPLES.resolve(sample), imports);
            assertThat(rows.keySet()).containsExactly("traffic");
            assertThat(rows.get("traffic")).as(sample)
                    .isEqualTo(PlatformGolden.expected(EXPECTED.resolve(sample), imports, Map.of()));
        }
    }

    @Test
    void ingestKeepsTheReportsOwnLineNumbers() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(SAMPLES.resolve("campaign_report_2025-10.csv"), in.resolve("campaign_report_2025-10.csv"));
        Path warehouse = tmp.resolve("wh");
        IngestRun run = IngestFixtures.run(in, warehouse, "r1", CAMPAIGN_WORDS);

        FileResult result = run.ingestSource("traffic").files().get(0);

        assertThat(result.accepted()).isEqualTo(5);
        assertThat(result.quarantined()).isZero();
        assertThat(IngestFixtures.stagedRows(warehouse, "traffic", "campaign_report_2025-10.csv"))
                .extracting(r -> r.get("_line")).containsExactly("4", "5", "6", "7", "8");
    }
}
