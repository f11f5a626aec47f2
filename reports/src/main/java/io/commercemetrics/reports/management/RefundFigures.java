package io.commercemetrics.reports.management;

import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.export.CurrencyUnits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * METRICS.md "Refunds of a period: sum of refund amounts dated in it", in the reporting currency.
 * No metric table carries it, so it is summed here from the raw refunds: each amount placed by the
 * local date of its {@code refund_ts}, converted at the rate of that date (the latest earlier rate
 * when the date has none), summed exactly and rounded once.
 */
public final class RefundFigures {

    private RefundFigures() {
    }

    /** @return the period's refunds, or null when a refund's currency has no rate (never a wrong sum) */
    public static BigDecimal total(WarehouseTables tables, ReportPeriod period, String currency, ZoneId zone,
                            LocalDate dataEnd) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> rates = rates(tables.raw(Sources.FX_RATES));
        BigDecimal sum = BigDecimal.ZERO;
        for (TableRow refund : tables.raw(Sources.REFUNDS)) {
            LocalDate day = refund.instant("refund_ts").atZone(zone).toLocalDate();
            if (!period.contains(day) || day.isAfter(dataEnd)) {
                continue;
            }
            BigDecimal amount = refund.decimal("amount");
            String from = refund.text("currency");
            if (!from.equals(currency)) {
                Map.Entry<LocalDate, BigDecimal> rate = rates.getOrDefault(from, new TreeMap<>()).floorEntry(day);
                if (rate == null) {
                    return null;
                }
                amount = amount.multiply(rate.getValue());
            }
            sum = sum.add(amount);
        }
        return CurrencyUnits.round(sum, currency);
    }

    private static Map<String, NavigableMap<LocalDate, BigDecimal>> rates(List<TableRow> fxRates) {
        return fxRates.stream().collect(Collectors.groupingBy(row -> row.text("currency"),
                Collectors.toMap(row -> row.date("date"), row -> row.decimal("rate_to_reporting"),
                        (first, later) -> first, TreeMap::new)));
    }
}
