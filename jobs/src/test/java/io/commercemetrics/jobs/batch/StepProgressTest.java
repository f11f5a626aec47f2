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
        assertThat(StepProgress.line("ingest-orders", 1_204_000, Duration.ofSeconds(3), null, 0, 0))
                .isEqualTo("  ingest-orders: 1,204,000 rows read, 401,333 rows/s, 3 s");
        assertThat(StepProgress.line("metrics-analytics", 0, Duration.ofSeconds(25), "traffic_cost", 0, 0))
                .isEqualTo("  metrics-analytics: traffic_cost, 25 s");
    }

    @Test
    void whereTheBytesToReadAreKnownTheLineSaysTheTimeLeftAtTheRateSoFar() {
        // a quarter of 100 MB in 3 s: the other three quarters take 9 s more
        assertThat(StepProgress.line("ingest-orders", 1_204_000, Duration.ofSeconds(3), null, 25_000_000, 100_000_000))
                .isEqualTo("  ingest-orders: 1,204,000 rows read, 401,333 rows/s, 3 s, about 9 s left");
        // 10 of 110 parts in a minute: 100 parts, ten minutes
        assertThat(StepProgress.line("ingest-orders", 600, Duration.ofSeconds(60), null, 10, 110))
                .endsWith(", 60 s, about 10 min 00 s left");
        // nothing read yet, all read, or the amount unknown: no guess
        assertThat(StepProgress.line("ingest-orders", 0, Duration.ofSeconds(6), null, 0, 100)).endsWith("6 s");
        assertThat(StepProgress.line("ingest-orders", 9, Duration.ofSeconds(6), null, 100, 100)).endsWith("6 s");
        assertThat(StepProgress.line("ingest-orders", 9, Duration.ofSeconds(6), null, 50, 0)).endsWith("6 s");
    }

    @Test
    void withoutATerminalALongStepPrintsPlainLinesUntilItEnds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (StepProgress progress = new StepProgress(out, false, Duration.ofMillis(50), Duration.ofMillis(50))) {
            progress.started("ingest-orders");
            progress.reading().expect(1_000);
            for (int i = 0; i < 5_000; i++) {
                progress.reading().rowRead();
            }
            progress.reading().bytesRead(250);
            Thread.sleep(400);
            progress.finished();
            String during = bytes.toString(StandardCharsets.UTF_8);
            assertThat(during.lines()).isNotEmpty().allSatisfy(line ->
                    assertThat(line).startsWith("  ingest-orders: 5,000 rows read, ").contains(" rows/s, ")
                            .endsWith(" left"));
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
