package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSummaryTableTest {

    @Test
    void reasonsAreListedCommonestFirstAndTiesInTheOrderOfTheirTextWhateverOrderTheyCameIn() {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("unknown order", 1L);
        reasons.put("duplicate refund_id", 1L);
        reasons.put("amount must be > 0", 4L);
        reasons.put("currency differs from the order's", 1L);
        FileResult refunds = new FileResult("refunds", "refunds.csv", "/in/refunds.csv", "sha", FileResult.Change.NEW,
                12, 5, 7, 0, reasons, List.of(), null, null, 3);
        IngestSummary summary = new IngestSummary("run1", List.of(refunds), List.of(), List.of(), null);

        String table = IngestSummaryTable.render(summary);

        assertThat(table).contains("""
                    4 x amount must be > 0
                    1 x currency differs from the order's
                    1 x duplicate refund_id
                    1 x unknown order
                """);
        assertThat(refunds.reasons().keySet()).as("the manifest's order").containsExactly("amount must be > 0",
                "currency differs from the order's", "duplicate refund_id", "unknown order");
    }
}
