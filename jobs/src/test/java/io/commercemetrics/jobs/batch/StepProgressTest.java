package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress lines of a long step: what they say, and that they stop with the step. */
class StepProgressTest {

    @Test
    void aLineSaysRowsRateAndTimeOrWhatTheStepIsAt() {
        assertThat(StepProgress.line("ingest-orders", 1_204_000, Duration.ofSeconds(3), null))
                .isEqualTo("  ingest-orders: 1,204,000 rows read, 401,333 rows/s, 3 s");
        assertThat(StepProgress.line("metrics-analytics", 0, Duration.ofSeconds(25), "traffic_cost"))
                .isEqualTo("  metrics-analytics: traffic_cost, 25 s");
    }

    @Test
    void withoutATerminalALongStepPrintsPlainLinesUntilItEnds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (StepProgress progress = new StepProgress(out, false, Duration.ofMillis(50), Duration.ofMillis(50))) {
            progress.started("ingest-orders");
            progress.rows().add(5_000);
            Thread.sleep(400);
            progress.finished();
            String during = bytes.toString(StandardCharsets.UTF_8);
            assertThat(during.lines()).isNotEmpty().allSatisfy(line ->
                    assertThat(line).startsWith("  ingest-orders: 5,000 rows read, ").contains(" rows/s, "));
            assertThat(during).doesNotContain("\r");
            Thread.sleep(200);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).as("nothing after the step ended").isEqualTo(during);
        }
    }

    @Test
    void onATerminalOneLineIsRewrittenAndClearedWhenTheStepEnds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (StepProgress progress = new StepProgress(out, true, Duration.ofMillis(50), Duration.ofMillis(50))) {
            progress.started("metrics-ledger");
            progress.doing("commission_lines");
            Thread.sleep(300);
            progress.finished();
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\n").contains("\r\033[K  metrics-ledger: commission_lines, 0 s")
                .endsWith("\r\033[K");
    }
}
