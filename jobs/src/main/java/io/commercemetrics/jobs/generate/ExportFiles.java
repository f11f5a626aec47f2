package io.commercemetrics.jobs.generate;

import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The nine export files of one generation, one per source of DATA.md, open for writing. */
final class ExportFiles implements AutoCloseable {

    final CsvExportFile orders;
    final CsvExportFile orderLines;
    final CsvExportFile refunds;
    final CsvExportFile shares;
    final CsvExportFile shareClicks;
    final CsvExportFile reviews;
    final CsvExportFile traffic;
    final CsvExportFile payouts;
    final CsvExportFile fxRates;

    // The writers build rows positionally in these column orders; a schema change must show here.
    private static final Map<TableSchema, List<String>> WRITTEN_COLUMNS = Map.of(
            Sources.ORDERS, List.of("order_id", "customer_id", "order_ts", "updated_ts", "status", "currency",
                    "gross_amount", "discount_amount", "shipping_amount", "tax_amount", "channel", "visitor_id",
                    "share_code", "coupon_code", "store_id"),
            Sources.ORDER_LINES, List.of("order_id", "line_no", "sku", "category", "quantity", "unit_price",
                    "line_discount"),
            Sources.REFUNDS, List.of("refund_id", "order_id", "refund_ts", "currency", "amount", "reason"),
            Sources.SHARES, List.of("share_id", "sharer_id", "parent_share_id", "sku", "platform", "share_ts"),
            Sources.SHARE_CLICKS, List.of("click_id", "share_id", "visitor_id", "customer_id", "click_ts"),
            Sources.REVIEWS, List.of("review_id", "order_id", "customer_id", "sku", "rating", "review_ts", "title",
                    "body"),
            Sources.TRAFFIC, List.of("date", "channel", "campaign", "visits", "spend", "currency"),
            Sources.PAYOUTS, List.of("payout_id", "sharer_id", "period", "amount", "currency", "paid_ts", "reference"),
            Sources.FX_RATES, List.of("date", "currency", "rate_to_reporting"));

    ExportFiles(Path folder) {
        for (TableSchema source : Sources.ALL) {
            if (!source.columnNames().equals(WRITTEN_COLUMNS.get(source))) {
                throw new IllegalStateException("the generator writes " + source.name() + " as "
                        + WRITTEN_COLUMNS.get(source) + " but the schema declares " + source.columnNames());
            }
        }
        orders = new CsvExportFile(folder, Sources.ORDERS);
        orderLines = new CsvExportFile(folder, Sources.ORDER_LINES);
        refunds = new CsvExportFile(folder, Sources.REFUNDS);
        shares = new CsvExportFile(folder, Sources.SHARES);
        shareClicks = new CsvExportFile(folder, Sources.SHARE_CLICKS);
        reviews = new CsvExportFile(folder, Sources.REVIEWS);
        traffic = new CsvExportFile(folder, Sources.TRAFFIC);
        payouts = new CsvExportFile(folder, Sources.PAYOUTS);
        fxRates = new CsvExportFile(folder, Sources.FX_RATES);
    }

    private CsvExportFile[] all() {
        return new CsvExportFile[] {orders, orderLines, refunds, shares, shareClicks, reviews, traffic, payouts, fxRates};
    }

    /** Data rows per file name, in the order of {@link Sources#ALL}. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableSchema source : Sources.ALL) {
            for (CsvExportFile file : all()) {
                if (file.source() == source) {
                    counts.put(file.fileName(), file.rows());
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (CsvExportFile file : all()) {
            try {
                file.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
