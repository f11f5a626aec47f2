package io.commercemetrics.jobs.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finance's monthly payout run: on the 5th of the next month each sharer is paid what the
 * statement says is due (opening balance plus payable, when positive). Two mistakes are planted,
 * as finance makes them: one payout short by a quarter, and one sent twice under two payout ids.
 * Months whose payday falls after the data end are not paid yet.
 */
final class PayoutRun {

    private static final int PAYDAY = 5;
    private static final long PAY_HOUR = 10;

    private final ShopCalendar calendar;
    private final IdIssuer ids;
    private final CsvExportFile payouts;
    private final BadRowPlanter planter;
    private int written;

    PayoutRun(ShopCalendar calendar, IdIssuer ids, CsvExportFile payouts, BadRowPlanter planter) {
        this.calendar = calendar;
        this.ids = ids;
        this.payouts = payouts;
        this.planter = planter;
    }

    void pay(Map<String, TreeMap<YearMonth, BigDecimal>> payableBySharer) {
        List<YearMonth> paidMonths = new ArrayList<>();
        for (YearMonth m = YearMonth.from(calendar.start()); !payday(m).isAfter(calendar.end()); m = m.plusMonths(1)) {
            paidMonths.add(m);
        }
        YearMonth underpaidMonth = paidMonths.isEmpty() ? null : paidMonths.get(paidMonths.size() * 2 / 5);
        YearMonth duplicateMonth = paidMonths.isEmpty() ? null : paidMonths.get(paidMonths.size() * 7 / 10);
        Map<String, BigDecimal> balance = new TreeMap<>();
        for (YearMonth month : paidMonths) {
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (Map.Entry<String, TreeMap<YearMonth, BigDecimal>> sharer : payableBySharer.entrySet()) {
                BigDecimal opening = balance.getOrDefault(sharer.getKey(), BigDecimal.ZERO);
                BigDecimal due = opening.add(sharer.getValue().getOrDefault(month, BigDecimal.ZERO));
                balance.put(sharer.getKey(), due);
                if (due.signum() > 0) {
                    expected.put(sharer.getKey(), due);
                }
            }
            String largest = largest(expected);
            long moment = calendar.midnight(payday(month)) + PAY_HOUR * 3600;
            for (Map.Entry<String, BigDecimal> due : expected.entrySet()) {
                BigDecimal amount = due.getValue();
                boolean underpaid = month.equals(underpaidMonth) && due.getKey().equals(largest);
                if (underpaid) {
                    amount = amount.multiply(new BigDecimal("0.75")).setScale(2, RoundingMode.HALF_UP);
                }
                moment += 13;
                write(due.getKey(), month, amount, moment);
                if (month.equals(duplicateMonth) && due.getKey().equals(largest)) {
                    // the batch was resubmitted after a timeout: same amount, a new payout id
                    write(due.getKey(), month, amount, moment + 1800);
                    amount = amount.add(amount);
                }
                balance.put(due.getKey(), due.getValue().subtract(amount));
            }
            plantAfter(paidMonths, month);
        }
    }

    private void plantAfter(List<YearMonth> paidMonths, YearMonth month) {
        if (written == 0) {
            return;
        }
        int index = paidMonths.indexOf(month);
        if (index == paidMonths.size() / 4) {
            planter.duplicateOfLast(payouts, "payout_id");
        }
        if (index == paidMonths.size() * 3 / 5) {
            String[] row = payouts.lastRow();
            row[0] = ids.payout();
            row[payouts.source().indexOf("paid_ts")] = "";
            planter.plant(payouts, row, BadRowKind.MISSING_REQUIRED, "paid_ts");
        }
    }

    private void write(String sharerId, YearMonth month, BigDecimal amount, long moment) {
        String payoutId = ids.payout();
        payouts.write(payoutId, sharerId, month.toString(), amount.toPlainString(), "CNY",
                ExportText.timestamp(moment, ShopCalendar.SHANGHAI_OFFSET_MINUTES, false),
                "WXPAY" + ExportText.code(moment / 13, 7).toUpperCase(java.util.Locale.ROOT));
        written++;
    }

    private static String largest(Map<String, BigDecimal> expected) {
        String best = null;
        for (Map.Entry<String, BigDecimal> due : expected.entrySet()) {
            if (best == null || due.getValue().compareTo(expected.get(best)) > 0) {
                best = due.getKey();
            }
        }
        return best;
    }

    private static LocalDate payday(YearMonth month) {
        return month.plusMonths(1).atDay(PAYDAY);
    }
}
