package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The refund cap in isolation (no Spark): rows are (refund_ts, refund_id, amount, gross, discount). */
class RefundCapTest {

    private static final Instant SAME_TIME = Instant.parse("2026-10-05T10:00:00Z");

    @Test
    void refundsAtTheSameInstantAreTakenInCodePointOrderOfTheirIds() {
        // U+FF5E sorts before U+1F600 by code point, but after it by UTF-16 unit (the surrogate D83D)
        Row fullwidthTilde = refund("\uFF5E", "60.00");
        Row emoji = refund("\uD83D\uDE00", "60.00");

        List<Row> out = new ArrayList<>();
        new RefundCap(0, 1, 2, 3, 4).call("o1", List.of(emoji, fullwidthTilde).iterator()).forEachRemaining(out::add);

        // NMA 100.00: the first in (refund_ts, refund_id) order fits, the second would exceed it
        assertThat(out).hasSize(2);
        assertThat(out.get(0).getString(1)).isEqualTo("\uFF5E");
        assertThat(out.get(0).isNullAt(5)).isTrue();
        assertThat(out.get(1).getString(1)).isEqualTo("\uD83D\uDE00");
        assertThat(out.get(1).getString(5)).contains("would exceed its net merchandise amount 100");
    }

    private static Row refund(String id, String amount) {
        return RowFactory.create(SAME_TIME, id, new BigDecimal(amount), new BigDecimal("100.00"), BigDecimal.ZERO);
    }
}
