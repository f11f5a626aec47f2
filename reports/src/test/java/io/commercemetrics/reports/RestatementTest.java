package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.restatement.FigureChange;
import io.commercemetrics.reports.restatement.Restatement;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restatement of {@link RestatedWarehouse}'s rerun: exactly the figures worked out by hand there,
 * with both values as stored and the changes of the run records that can explain each, and nothing
 * else; then a rerun that changes nothing.
 */
class RestatementTest {

    private static final String LATE_ORDERS = "new file orders-late.csv (orders): 1 row kept";
    private static final String LATE_REFUND = "replaced file refunds.csv (refunds): read 1 → 2, kept 1 → 2";
    private static final String NEW_RULES = "commission rules: default → default, 2026-11";

    @TempDir
    static Path dir;
    static RestatedWarehouse warehouse;
    static WarehouseTables runA;
    static WarehouseTables runB;
    static WarehouseTables runC;
    static WarehouseTables runD;

    @BeforeAll
    static void threeRuns() {
        warehouse = new RestatedWarehouse(dir.resolve("warehouse"));
        runA = warehouse.runA();
        runB = warehouse.runB();
        runC = warehouse.runC();
        runD = warehouse.runD();
    }

    @Test
    void theRerunListsExactlyTheFiguresTheLateDataAndTheNewRulesMoved() {
        Restatement restatement = Restatement.between(warehouse.tables().catalog(), RestatedWarehouse.RUN_A,
                RestatedWarehouse.RUN_B);

        assertThat(restatement.inputs()).extracting(input -> input.description())
                .containsExactly(LATE_ORDERS, LATE_REFUND);
        assertThat(restatement.settings()).extracting(setting -> setting.description()).containsExactly(NEW_RULES);
        // period | figure | sharer | currency | previous -> new | status | causes (1 late orders, 2 late refund, 3 rules)
        assertThat(lines(restatement)).containsExactly(
                "2026-10 | Revenue | | CNY | 3000 -> 3120 | changed | 1",
                "2026-10 | Orders | | | 30 -> 31 | changed | 1",
                "2026-10 | ROAS (revenue / cost) | | | 8.695652 -> 9.043478 | changed | 1,3",
                "2026-10 | Refunds | | CNY | 50 -> 90 | changed | 2",
                "2026-10 | Commission payable, all sharers | | CNY | 30 -> 26 | changed | 1,2,3",
                "2026-10 | Expected payout, all sharers | | CNY | 30 -> 26 | changed | 1,2,3",
                "2026-10 | Clawback | s-bob | CNY | 0 -> 4 | changed | 1,2,3",
                "2026-10 | Payable | s-bob | CNY | 10 -> 6 | changed | 1,2,3",
                "2026-10 | Expected payout | s-bob | CNY | 10 -> 6 | changed | 1,2,3",
                "2026-10 | Closing balance | s-bob | CNY | 10 -> 6 | changed | 1,2,3",
                "2026-W43 | Refunds | | CNY | 0 -> 40 | changed | 2",
                "2026-W44 | Revenue | | CNY | 800 -> 920 | changed | 1",
                "2026-W44 | Orders | | | 8 -> 9 | changed | 1",
                "2026-W44 | ROAS (revenue / cost) | | | 10 -> 11.5 | changed | 1,3",
                "2026-11* | Marketing cost | | CNY | 35 -> 36 | changed | 1,3",
                "2026-11* | CAC (cost per new customer) | | CNY | 35 -> 36 | changed | 1,3",
                "2026-11* | ROAS (revenue / cost) | | | 8.571429 -> 8.333333 | changed | 1,3",
                "2026-11* | Expected payout, all sharers | | CNY | 30 -> 26 | changed | 1,2,3",
                "2026-11* | Opening balance | s-bob | CNY | 10 -> 6 | changed | 1,2,3",
                "2026-11* | Accrued | s-alice | CNY | 5 -> 6 | changed | 1,2,3",
                "2026-11* | Expected payout | s-bob | CNY | 10 -> 6 | changed | 1,2,3",
                "2026-11* | Closing balance | s-bob | CNY | 0 -> -4 | changed | 1,2,3",
                "2026-W45* | Marketing cost | | CNY | 25 -> 26 | changed | 1,3",
                "2026-W45* | CAC (cost per new customer) | | CNY | 25 -> 26 | changed | 1,3",
                "2026-W45* | ROAS (revenue / cost) | | | 8 -> 7.692308 | changed | 1,3");
        assertThat(restatement.restatedPeriods()).extracting(ReportPeriod::label)
                .containsExactly("2026-10", "2026-W43", "2026-W44");
        assertThat(restatement.figures()).filteredOn(change -> change.key().period().equals("2026-10")
                && change.key().figure().label().equals("Revenue")).singleElement()
                .satisfies(change -> assertThat(change.difference()).isEqualByComparingTo("120.00"));
    }

    @Test
    void theTerminalTableAlignsEachFigureWithTheNumberedChanges() {
        String text = Restatement.between(runA, runB).toText();

        assertThat(text).contains("Restatement: run run-b (computed 2026-11-05 09:30 (Asia/Shanghai), data through "
                        + "2026-11-03)")
                .contains("[1] " + LATE_ORDERS).contains("[2] " + LATE_REFUND).contains("[3] " + NEW_RULES)
                .contains("25 figures changed, 0 added, 0 removed (14 in periods already complete in run run-a: restated):")
                .contains("* the period was still open in run run-a (data through 2026-11-03)");
        List<String> table = text.lines().dropWhile(line -> !line.startsWith("period")).takeWhile(line -> !line
                .startsWith("* ")).toList();
        assertThat(table).hasSize(26);
        // numbers right-aligned: every value ends in the same column as its header
        int newColumnEnd = table.get(0).indexOf("new") + "new".length();
        assertThat(table.get(1)).matches("2026-10 +Revenue +CNY +3000\\.00 +3120\\.00 +120\\.00 +changed +1")
                .satisfies(line -> assertThat(line.substring(0, newColumnEnd)).endsWith("3120.00"));
        assertThat(table).anySatisfy(line -> assertThat(line)
                .matches("2026-11\\* +Closing balance +s-bob +CNY +0\\.00 +-4\\.00 +-4\\.00 +changed +1,2,3"));
    }

    @Test
    void theJsonHoldsEveryFigureWithExactValuesAsTextAndItsCausesInWords() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Restatement.between(runA, runB).toJson());

        assertThat(json.path("run").path("run_id").asText()).isEqualTo("run-b");
        assertThat(json.path("previous_run").path("run_id").asText()).isEqualTo("run-a");
        assertThat(json.path("no_figure_changed").asBoolean()).isFalse();
        assertThat(json.path("figures")).hasSize(25);
        JsonNode bob = json.path("figures").get(6);
        assertThat(bob.path("figure").asText()).isEqualTo("clawback");
        assertThat(bob.path("report").asText()).isEqualTo("finance");
        assertThat(bob.path("sharer_id").asText()).isEqualTo("s-bob");
        assertThat(bob.path("previous").isTextual()).isTrue();
        assertThat(bob.path("previous").asText()).isEqualTo("0.00");
        assertThat(bob.path("current").asText()).isEqualTo("4.00");
        assertThat(bob.path("restated").asBoolean()).isTrue();
        assertThat(bob.path("causes")).extracting(JsonNode::asText).containsExactly(LATE_ORDERS, LATE_REFUND, NEW_RULES);
        assertThat(json.path("input_changes").get(1).path("change").asText()).isEqualTo("replaced file");
        assertThat(json.path("input_changes").get(1).path("current").path("read").asLong()).isEqualTo(2);
        assertThat(json.path("setting_changes").get(0).path("current").asText()).isEqualTo("default, 2026-11");
        assertThat(json.path("restated_periods")).extracting(JsonNode::asText)
                .containsExactly("2026-10", "2026-W43", "2026-W44");
    }

    @Test
    void aRerunThatChangesNothingSaysNoFigureChanged() throws Exception {
        Restatement restatement = Restatement.between(warehouse.tables().catalog(), RestatedWarehouse.RUN_B,
                RestatedWarehouse.RUN_C);

        assertThat(restatement.noFigureChanged()).isTrue();
        assertThat(restatement.inputs()).isEmpty();
        assertThat(restatement.settings()).isEmpty();
        assertThat(restatement.toText()).endsWith("Input files and recorded settings: unchanged.\nNo figure changed.\n");
        assertThat(new ObjectMapper().readTree(restatement.toJson()).path("no_figure_changed").asBoolean()).isTrue();
    }

    @Test
    void aFigureOfOneRunOnlyIsListedAsAddedOrRemoved() {
        Restatement restatement = Restatement.between(runC, runD);

        assertThat(restatement.inputs()).extracting(input -> input.description()).containsExactly(
                "new file shares.csv (shares): 2 rows kept", "file gone payouts.csv (payouts): had 3 rows kept");
        assertThat(restatement.figures()).extracting(change -> change.status().words() + " " + change.key().sharerId()
                        + " " + change.key().currency() + " " + change.key().figure().label())
                .containsExactly(
                        "removed null JPY Commission payable, all sharers",
                        "removed null JPY Expected payout, all sharers",
                        "removed s-chen JPY Opening balance", "added s-dan CNY Opening balance",
                        "removed s-chen JPY Accrued", "added s-dan CNY Accrued",
                        "removed s-chen JPY Released", "added s-dan CNY Released",
                        "removed s-chen JPY Clawback", "added s-dan CNY Clawback",
                        "removed s-chen JPY Payable", "added s-dan CNY Payable",
                        "removed s-chen JPY Expected payout", "added s-dan CNY Expected payout",
                        "removed s-chen JPY Paid", "added s-dan CNY Paid",
                        "removed s-chen JPY Closing balance", "added s-dan CNY Closing balance");
        assertThat(restatement.figures()).allSatisfy(change -> assertThat(change.causes()).containsExactly(
                "new file shares.csv (shares): 2 rows kept", "file gone payouts.csv (payouts): had 3 rows kept"));
        String text = restatement.toText();
        assertThat(text).contains("0 figures changed, 8 added, 10 removed (0 in periods already complete");
        // a removed figure shows its earlier value and no new one; an added one the other way round
        assertThat(text.lines()).anySatisfy(line -> assertThat(line)
                .matches("2026-11\\* +Opening balance +s-chen +JPY +1200 +removed +1,2"));
        assertThat(text.lines()).anySatisfy(line -> assertThat(line)
                .matches("2026-11\\* +Accrued +s-dan +CNY +3\\.00 +added +1,2"));
    }

    @Test
    void comparingBackwardsListsTheSameFiguresTheOtherWayRound() {
        Restatement backwards = Restatement.between(runB, runA);

        assertThat(backwards.figures()).hasSize(25);
        assertThat(backwards.inputs()).extracting(input -> input.description()).containsExactly(
                "replaced file refunds.csv (refunds): read 2 → 1, kept 2 → 1",
                "file gone orders-late.csv (orders): had 1 row kept");
    }

    @Test
    void theRunBeforeIsFoundFromTheRunRecords() {
        assertThat(Restatement.sincePreviousRun(warehouse.tables().catalog(), RestatedWarehouse.RUN_A)).isEmpty();
        Restatement sinceA = Restatement.sincePreviousRun(warehouse.tables().catalog(), RestatedWarehouse.RUN_B)
                .orElseThrow();
        assertThat(sinceA.previous().runId()).isEqualTo(RestatedWarehouse.RUN_A);
        assertThat(sinceA.figures()).isEqualTo(Restatement.between(runA, runB).figures());
    }

    @Test
    void aShortTableSaysHowManyFiguresItLeftOut() {
        String text = Restatement.between(runA, runB).toText(4);

        List<String> table = text.lines().dropWhile(line -> !line.startsWith("period")).toList();
        assertThat(table.get(4)).matches("2026-10 +Refunds +CNY +50\\.00 +90\\.00 +40\\.00 +changed +2");
        assertThat(table.get(5)).isEqualTo("... and 21 more figures (the JSON lists every one)");
        // the four shown are of October, complete in run-a: no open-period note
        assertThat(text).doesNotContain("still open");
    }

    @Test
    void anUnknownRunIsNamed() {
        assertThatThrownBy(() -> Restatement.between(warehouse.tables().catalog(), "run-x", RestatedWarehouse.RUN_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no metrics run run-x");
    }

    /**
     * One figure change as a line: both values exactly, without the storage scale's trailing zeros
     * (the text and JSON tests check how values read), its causes as their numbers in the list of
     * changes.
     */
    private static List<String> lines(Restatement restatement) {
        List<String> changes = new ArrayList<>();
        restatement.inputs().forEach(input -> changes.add(input.description()));
        restatement.settings().forEach(setting -> changes.add(setting.description()));
        List<String> lines = new ArrayList<>();
        for (FigureChange change : restatement.figures()) {
            var key = change.key();
            lines.add((key.period() + (change.periodWasOpen() ? "*" : "") + " | " + key.figure().label() + " | "
                    + (key.sharerId() == null ? "" : key.sharerId()) + " | "
                    + (key.currency() == null ? "" : key.currency()) + " | " + plain(change.previous()) + " -> "
                    + plain(change.current()) + " | " + change.status().words() + " | "
                    + change.causes().stream().map(cause -> String.valueOf(changes.indexOf(cause) + 1))
                    .collect(Collectors.joining(","))).replace("|  |", "| |").replace("|  |", "| |"));
        }
        return lines;
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

}
