package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.commercemetrics.jobs.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UCI Online Retail export the lead keeps beside the worktrees must ingest cleanly. Skipped
 * when the folder is absent; slow (400k lines), so tagged.
 */
@Tag("realdata")
class RealDataIngestTest {

    private static final Path EXPORT = Path.of("..", "..", "shared", "realdata", "online-retail", "export");

    @TempDir
    Path tmp;

    @Test
    void onlineRetailIngestsWithoutQuarantine() {
        Path export = EXPORT.toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(export), "no real data at " + export);
        IngestSummary summary = IngestFixtures.run(export, tmp.resolve("wh"), "real").runAll(SharedSpark.session());
        System.out.println(IngestSummaryTable.render(summary));
        assertThat(summary.quarantined()).isZero();
        assertThat(summary.rejectedFiles()).isZero();
        assertThat(summary.crossFile().rawRows()).containsEntry("orders", 18_532L).containsEntry("order_lines", 397_884L);
        assertThat(summary.crossFile().quarantineRows()).isZero();
    }
}
