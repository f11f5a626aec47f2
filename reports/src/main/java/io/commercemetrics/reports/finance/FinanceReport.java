package io.commercemetrics.reports.finance;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.jasper.ReportFiles;
import io.commercemetrics.reports.jasper.ReportTemplates;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.reports.web.WebPage;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.export.CsvExport;
import io.commercemetrics.schemas.export.ExportFormat;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The finance report of a month: the commission statement per sharer and currency with totals per
 * currency, and the reconciliation exceptions, as PDF, web page and XLSX; the statement alone as CSV in the
 * export format of METRICS.md (exactly the table's columns, no totals, so it loads as data).
 */
public final class FinanceReport {

    public static final String PDF = "finance.pdf";
    public static final String XLSX = "finance.xlsx";
    public static final String CSV = "finance.csv";
    public static final String HTML = "finance.html";

    private final ReportTemplates templates;

    public FinanceReport(ReportTemplates templates) {
        this.templates = templates;
    }

    /** @param payday when the month's payouts fall due: before it, an unpaid sharer is not an exception */
    public List<Path> render(WarehouseTables tables, ReportPeriod month, Payday payday, Path folder) {
        if (!month.isMonth()) {
            throw new IllegalArgumentException("the finance report is monthly, not for " + month.label());
        }
        Provenance provenance = Provenance.of(tables, month, ReportKind.finance);
        MonthLedger ledger = MonthLedger.of(tables, month, payday);
        Path pdf = folder.resolve(PDF);
        Path xlsx = folder.resolve(XLSX);
        Path csv = folder.resolve(CSV);
        JasperPrint print = ReportFiles.fill(templates.get("finance"), parameters(tables, ledger, provenance));
        ReportFiles.writePdf(print, title(month), pdf);
        List<Path> written = new java.util.ArrayList<>(List.of(pdf));
        written.addAll(WebPage.write("finance", FinancePage.model(ledger, provenance, title(month),
                provenance.warning(tables.missing())), folder.resolve(HTML)));
        ReportFiles.writeAtomically(xlsx, out -> new FinanceWorkbook().write(ledger, provenance, out));
        ReportFiles.writeAtomically(csv, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ExportFormat format = new ExportFormat(ZoneId.of(tables.run().reportingTimeZone()), provenance.currency());
            new CsvExport(format).write(MetricTables.COMMISSION_STATEMENT,
                    ledger.statement().stream().map(TableRow::values).toList(), writer);
            writer.flush();
        });
        written.addAll(List.of(xlsx, csv));
        return written;
    }

    /** Reconciliation rows for the PDF and the web page; {@code due} set: the status says when the payout falls due. */
    static SectionRows reconciliationRows(List<TableRow> rows, java.time.LocalDate due) {
        SectionRows section = new SectionRows();
        for (TableRow r : rows) {
            section.add("sharer", r.text("sharer_id"), "currency", r.text("currency"),
                    "expected", r.decimal("expected_payout"), "paid", r.decimal("paid"),
                    "difference", r.decimal("difference"),
                    "status", due == null ? r.text("status") : r.text("status") + ", due " + due,
                    "payoutIds", r.text("payout_ids"));
        }
        return section;
    }

    /** The sentence over the adjustments posted to this month (PDF and web page). */
    static String adjustmentsHeading(Provenance provenance) {
        return "Amounts that data arriving after a month was closed would have changed in it, posted to "
                + provenance.period().label() + " and included in its payable above. The closed months' statements "
                + "stay as they were closed.";
    }

    static SectionRows adjustmentRows(List<TableRow> rows) {
        SectionRows section = new SectionRows();
        for (TableRow r : rows) {
            section.add("sharer", r.text("sharer_id"), "currency", r.text("currency"),
                    "closedMonth", r.text("closed_month"), "orderId", r.text("order_id"),
                    "refundId", r.text("refund_id"), "cause", r.text("cause").replace('_', ' '),
                    "amount", r.decimal("amount"));
        }
        return section;
    }

    static String title(ReportPeriod month) {
        return "Commission statement and reconciliation · month " + month.label();
    }

    private Map<String, Object> parameters(WarehouseTables tables, MonthLedger ledger, Provenance provenance) {
        Map<String, Object> p = provenance.parameters();
        p.put("Title", title(provenance.period()));
        p.put("ProvenanceReport", templates.get("provenance"));
        p.put("InputsReport", templates.get("inputs"));
        p.put("LedgerSummary", ledger.summary());
        p.put("StatementReport", templates.get("statement"));
        p.put("ReconciliationReport", templates.get("reconciliation"));
        p.put("StatementRows", statementRows(ledger).dataSource());
        p.put("ExceptionRows", reconciliationRows(ledger.exceptions(), null).dataSource());
        p.put("NotYetDueRows", reconciliationRows(ledger.notYetDue(), ledger.dueDate()).dataSource());
        p.put("NoExceptionText", noExceptionText(ledger));
        p.put("NotYetDueHeading", notYetDueHeading(ledger, provenance));
        p.put("AdjustmentsReport", templates.get("adjustments"));
        if (!ledger.adjustments().isEmpty()) {
            p.put("AdjustmentRows", adjustmentRows(ledger.adjustments()).dataSource());
            p.put("AdjustmentsHeading", adjustmentsHeading(provenance));
        }
        p.put("PeriodWarning", provenance.warning(tables.missing()));
        return p;
    }

    /** One row per statement line, by currency then sharer, as {@code statement.jrxml} reads them. */
    static SectionRows statementRows(MonthLedger ledger) {
        SectionRows statement = new SectionRows();
        for (TableRow r : ledger.statement()) {
            statement.add("sharer", r.text("sharer_id"), "currency", r.text("currency"),
                    "opening", r.decimal("opening_balance"), "accrued", r.decimal("accrued"),
                    "released", r.decimal("released"), "clawback", r.decimal("clawback"),
                    "payable", r.decimal("payable"), "expected", r.decimal("expected_payout"),
                    "paid", r.decimal("paid"), "closing", r.decimal("closing_balance"));
        }
        return statement;
    }

    /** With payouts not due yet, "no exception" must say it counts only the payouts already due; else the template's default. */
    static String noExceptionText(MonthLedger ledger) {
        return ledger.notYetDue().isEmpty() ? null
                : "No exception: every payout that has fallen due matches what was expected.";
    }

    /** The sentence over the payouts not due yet, or null when there are none (the section is left out). */
    static String notYetDueHeading(MonthLedger ledger, Provenance provenance) {
        return ledger.notYetDue().isEmpty() ? null : "Sharers owed a payout for " + provenance.period().label()
                + " that is not due yet: the month's payouts fall due on " + ledger.dueDate() + " (the payday), after "
                + "the data end " + provenance.dataEnd() + ". They are no exception unless still unpaid once the data "
                + "passes that day.";
    }
}
