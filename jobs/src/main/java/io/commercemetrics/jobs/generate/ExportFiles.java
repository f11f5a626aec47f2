package io.commercemetrics.jobs.generate;

import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    ExportFiles(Path folder) {
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
