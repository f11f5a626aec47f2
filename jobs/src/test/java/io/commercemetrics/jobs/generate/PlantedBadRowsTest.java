package io.commercemetrics.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.generate.ExportFolder.Row;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantedBadRowsTest {

    @TempDir
    static Path temp;
    private static GenerationSummary summary;
    private static ExportFolder folder;

    @BeforeAll
    static void generateOnce() {
        summary = new ExportGenerator().generate(GeneratorSettings.defaults(temp).withCustomers(300).withSeed(7));
        folder = new ExportFolder(temp);
    }

    @Test
    void everyKindIsPlantedAHandfulOfTimes() {
        Set<BadRowKind> kinds = summary.plantedBadRows().stream().map(PlantedBadRow::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(BadRowKind.class)));
        assertThat(kinds).containsExactlyInAnyOrder(BadRowKind.values());
        Map<BadRowKind, Long> perKind = summary.plantedBadRows().stream()
                .collect(Collectors.groupingBy(PlantedBadRow::kind, Collectors.counting()));
        assertThat(perKind.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 7L));
        Map<String, Long> perFile = summary.plantedBadRows().stream()
                .collect(Collectors.groupingBy(PlantedBadRow::file, Collectors.counting()));
        assertThat(perFile.keySet()).containsExactlyInAnyOrderElementsOf(
                Sources.ALL.stream().map(s -> s.name() + ".csv").toList());
        assertThat(perFile.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 8L));
    }

    @Test
    void everyPlantedRowIsWhereTheSummarySaysAndBreaksItsRule() {
        assertPlantedRowsHold(folder, summary.plantedBadRows());
    }

    /** Checks, from the files alone, that each listed record exists at its line and breaks its rule. */
    static void assertPlantedRowsHold(ExportFolder folder, List<PlantedBadRow> planted) {
        Map<String, List<Row>> orders = new TreeMap<>();
        folder.rows(Sources.ORDERS).forEach(o -> orders.computeIfAbsent(o.get("order_id"), k -> new ArrayList<>()).add(o));
        for (PlantedBadRow bad : planted) {
            TableSchema source = Sources.byName(bad.file().replace(".csv", "")).orElseThrow();
            Row row = folder.rowAtLine(source, bad.line());
            String described = bad + " read as " + row.fields();
            String value = bad.kind() == BadRowKind.DUPLICATE_ID ? key(row, bad.column()) : row.get(bad.column());
            assertThat(value).as(described).isEqualTo(bad.value());
            switch (bad.kind()) {
                case MISSING_REQUIRED -> assertThat(source.field(bad.column()).orElseThrow().required() && value.isEmpty())
                        .as(described).isTrue();
                case BAD_NUMBER -> assertThat(IndependentReconciliation.isDecimal(value)).as(described).isFalse();
                case BAD_DATE -> assertThat(value).as(described).startsWith(BadRowPlanter.IMPOSSIBLE_DATE);
                case UNKNOWN_STATUS -> assertThat(Sources.ORDER_STATUSES).as(described).doesNotContain(value);
                case NEGATIVE_AMOUNT -> assertThat(new BigDecimal(value)).as(described).isNegative();
                case DISCOUNT_ABOVE_GROSS -> assertThat(new BigDecimal(value)).as(described)
                        .isGreaterThan(new BigDecimal(row.get("gross_amount")));
                case DUPLICATE_ID -> assertThat(folder.rows(source)).as(described)
                        .anySatisfy(earlier -> {
                            assertThat(earlier.line()).isLessThan(row.line());
                            assertThat(key(earlier, bad.column())).isEqualTo(value);
                        });
                case ORPHAN_ORDER_LINE, REFUND_UNKNOWN_ORDER -> assertThat(orders).as(described).doesNotContainKey(value);
                case REFUND_ABOVE_NMA -> {
                    Row order = firstValid(orders.get(row.get("order_id")));
                    BigDecimal nma = new BigDecimal(order.get("gross_amount")).subtract(new BigDecimal(order.get("discount_amount")));
                    assertThat(new BigDecimal(value)).as(described).isGreaterThan(nma);
                }
                case REFUND_OTHER_CURRENCY -> assertThat(value).as(described)
                        .isNotEqualTo(orders.get(row.get("order_id")).get(0).get("currency"));
                case SHARE_PARENT_LOOP -> assertThat(walksBackTo(folder, row.get("share_id"))).as(described).isTrue();
                case MISSING_FX_RATE -> {
                    String firstRate = folder.rows(Sources.FX_RATES).stream().map(r -> r.get("date"))
                            .filter(IndependentReconciliation::isDate).min(String::compareTo).orElseThrow();
                    assertThat(value).as(described).isEqualTo("USD");
                    assertThat(IndependentReconciliation.localDate(row.get("order_ts")).toString()).as(described).isLessThan(firstRate);
                }
                case RATING_OUT_OF_RANGE -> assertThat(Integer.parseInt(value)).as(described).isGreaterThan(5);
                case INTEGER_WITH_FRACTION -> assertThat(value).as(described).contains(".").matches("\\d+\\.0+");
                default -> throw new AssertionError("no check for " + bad.kind());
            }
        }
    }

    private static String key(Row row, String columns) {
        List<String> values = new ArrayList<>();
        for (String column : columns.split("\\+")) {
            values.add(row.get(column));
        }
        return String.join("+", values);
    }

    private static Row firstValid(List<Row> versions) {
        return versions.stream().filter(o -> IndependentReconciliation.isDecimal(o.get("gross_amount"))).findFirst().orElseThrow();
    }

    private static boolean walksBackTo(ExportFolder folder, String shareId) {
        Map<String, String> parents = new TreeMap<>();
        folder.rows(Sources.SHARES).forEach(s -> parents.putIfAbsent(s.get("share_id"), s.get("parent_share_id")));
        String at = parents.get(shareId);
        for (int steps = 0; steps < 3 && at != null && !at.isEmpty(); steps++) {
            if (at.equals(shareId)) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }
}
