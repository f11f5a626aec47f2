package io.commercemetrics.reports.finance;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.web.PageHeader;
import io.commercemetrics.reports.web.WebTable;
import io.commercemetrics.reports.web.WebTable.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web version of the finance report ({@code web/finance.mustache}): the statement with a total
 * row under each currency's lines, the reconciliation exceptions and the payouts not due yet, from
 * the adjustments posted to the month after a close, from the same {@link MonthLedger} as the PDF and the workbook (the totals are its
 * {@link MonthLedger#totalsByCurrency()}).
 */
final class FinancePage {

    /** The statement's row fields in the order of {@link MonthLedger#AMOUNTS}. */
    private static final List<String> AMOUNT_FIELDS = List.of("opening", "accrued", "released", "clawback", "payable",
            "expected", "paid", "closing");
    static final String ALL_MATCH = "Every payout of the month matches what was expected.";

    private FinancePage() {
    }

    static Map<String, Object> model(MonthLedger ledger, Provenance provenance, String title, String warning) {
        Map<String, Object> model = PageHeader.model(title, provenance, warning);
        model.put("ledgerSummary", ledger.summary());
        model.put("statement", WebTable.of(statementWithTotals(ledger), List.of(Column.text("Sharer", "sharer"),
                Column.text("Currency", "currency"), Column.money("Opening balance", "opening"),
                Column.money("Accrued (pending)", "accrued"), Column.money("Released", "released"),
                Column.money("Clawback", "clawback"), Column.money("Payable", "payable"),
                Column.money("Expected payout", "expected"), Column.money("Paid", "paid"),
                Column.money("Closing balance", "closing")), "No commission statement rows for this month."));
        List<Column> reconciled = List.of(Column.text("Sharer", "sharer"), Column.text("Currency", "currency"),
                Column.money("Expected payout", "expected"), Column.money("Paid", "paid"),
                Column.money("Difference", "difference"), Column.text("Status", "status"),
                Column.prose("Payout ids", "payoutIds"));
        String noException = FinanceReport.noExceptionText(ledger);
        model.put("exceptions", WebTable.of(FinanceReport.reconciliationRows(ledger.exceptions(), null).rows(),
                reconciled, noException == null ? ALL_MATCH : noException).asCards());
        model.put("notYetDueHeading", FinanceReport.notYetDueHeading(ledger, provenance));
        model.put("notYetDue", WebTable.of(FinanceReport.reconciliationRows(ledger.notYetDue(), ledger.dueDate()).rows(),
                reconciled, "").asCards());
        if (!ledger.adjustments().isEmpty()) {
            model.put("adjustmentsHeading", FinanceReport.adjustmentsHeading(provenance));
            model.put("adjustments", WebTable.of(FinanceReport.adjustmentRows(ledger.adjustments()).rows(), List.of(
                    Column.text("Sharer", "sharer"), Column.text("Currency", "currency"),
                    Column.text("Closed month", "closedMonth"), Column.text("Order", "orderId"),
                    Column.text("Refund", "refundId"), Column.text("Cause", "cause"),
                    Column.money("Amount", "amount")), "").asCards());
        }
        return model;
    }

    /** The statement lines, each currency's followed by its total row. */
    private static List<Map<String, ?>> statementWithTotals(MonthLedger ledger) {
        List<Map<String, ?>> lines = FinanceReport.statementRows(ledger).rows();
        List<Map<String, ?>> rows = new ArrayList<>();
        ledger.totalsByCurrency().forEach((currency, totals) -> {
            lines.stream().filter(line -> currency.equals(line.get("currency"))).forEach(rows::add);
            Map<String, Object> total = new HashMap<>();
            total.put("sharer", "Total");
            total.put("currency", currency);
            total.put("emphasis", true);
            for (int i = 0; i < AMOUNT_FIELDS.size(); i++) {
                BigDecimal sum = totals.get(MonthLedger.AMOUNTS.get(i));
                total.put(AMOUNT_FIELDS.get(i), sum);
            }
            rows.add(total);
        });
        return rows;
    }
}
