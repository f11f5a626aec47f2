package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.ReportKind;
import java.util.Set;

/**
 * The figures a restatement compares: what the reports headline, per period, and each amount of a
 * sharer's commission statement, per month. Each names the report that shows it, the table column
 * it is read from, how its value reads, and what it is computed from: the input sources and the
 * recorded settings (beyond the reporting time zone, which places every figure in its period) whose
 * change can move it. Those are the causes a restatement gives for the figure.
 */
public enum Figure {
    REVENUE(ReportKind.management, "revenue", "Revenue", Unit.MONEY, Inputs.REVENUE, Setting.REPORTING_CURRENCY),
    ORDERS(ReportKind.management, "orders", "Orders", Unit.COUNT, Inputs.ORDERS),
    NEW_CUSTOMERS(ReportKind.management, "new_customers", "New customers", Unit.COUNT, Inputs.ORDERS),
    REPEAT_RATE(ReportKind.management, "rate", "Repeat-customer rate", Unit.RATIO, Inputs.ORDERS),
    MARKETING_COST(ReportKind.management, "cost", "Marketing cost", Unit.MONEY, Inputs.COST,
            Setting.REPORTING_CURRENCY, Setting.RULE_VERSIONS),
    CAC(ReportKind.management, "cac", "CAC (cost per new customer)", Unit.MONEY, Inputs.COST,
            Setting.REPORTING_CURRENCY, Setting.RULE_VERSIONS),
    ROAS(ReportKind.management, "roas", "ROAS (revenue / cost)", Unit.RATIO, Inputs.COST,
            Setting.REPORTING_CURRENCY, Setting.RULE_VERSIONS),
    REFUNDS(ReportKind.management, "refunds", "Refunds", Unit.MONEY, Inputs.REFUNDS, Setting.REPORTING_CURRENCY),
    /** The month's payable summed over every sharer of a currency, as the finance report's totals row. */
    TOTAL_PAYABLE(ReportKind.finance, "payable", "Commission payable, all sharers", Unit.MONEY, Inputs.LEDGER,
            Setting.RULE_VERSIONS),
    TOTAL_EXPECTED_PAYOUT(ReportKind.finance, "expected_payout", "Expected payout, all sharers", Unit.MONEY,
            Inputs.LEDGER, Setting.RULE_VERSIONS),
    OPENING_BALANCE(ReportKind.finance, "opening_balance", "Opening balance", Unit.MONEY, Inputs.LEDGER,
            Setting.RULE_VERSIONS),
    ACCRUED(ReportKind.finance, "accrued", "Accrued", Unit.MONEY, Inputs.LEDGER, Setting.RULE_VERSIONS),
    RELEASED(ReportKind.finance, "released", "Released", Unit.MONEY, Inputs.LEDGER, Setting.RULE_VERSIONS),
    CLAWBACK(ReportKind.finance, "clawback", "Clawback", Unit.MONEY, Inputs.LEDGER, Setting.RULE_VERSIONS),
    PAYABLE(ReportKind.finance, "payable", "Payable", Unit.MONEY, Inputs.LEDGER, Setting.RULE_VERSIONS),
    EXPECTED_PAYOUT(ReportKind.finance, "expected_payout", "Expected payout", Unit.MONEY, Inputs.LEDGER,
            Setting.RULE_VERSIONS),
    PAID(ReportKind.finance, "paid", "Paid", Unit.MONEY, Inputs.LEDGER, Setting.RULE_VERSIONS),
    CLOSING_BALANCE(ReportKind.finance, "closing_balance", "Closing balance", Unit.MONEY, Inputs.LEDGER,
            Setting.RULE_VERSIONS);

    /** How a figure's value reads: a count, money (in the row's or the reporting currency), a ratio. */
    public enum Unit { COUNT, MONEY, RATIO }

    /** The recorded settings of a run (its run record) whose change a restatement names. */
    public enum Setting {
        RULE_VERSIONS("commission rules"), REPORTING_CURRENCY("reporting currency"),
        TIME_ZONE("reporting time zone"), DATA_END("data end");

        private final String label;

        Setting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The input sources (raw tables) each family of figures is computed from. */
    private static final class Inputs {
        static final Set<String> ORDERS = Set.of("orders");
        static final Set<String> REVENUE = Set.of("orders", "fx_rates");
        static final Set<String> REFUNDS = Set.of("refunds", "fx_rates");
        /** spend, and the commission of the period's orders: attribution through shares and clicks, lines' categories */
        static final Set<String> COST = Set.of("traffic", "fx_rates", "orders", "order_lines", "shares", "share_clicks");
        /** the commission ledger: in each order's currency, so no exchange rate */
        static final Set<String> LEDGER = Set.of("orders", "order_lines", "refunds", "shares", "share_clicks",
                "payouts");
    }

    private final ReportKind report;
    private final String column;
    private final String label;
    private final Unit unit;
    private final Set<String> sources;
    private final Set<Setting> settings;

    Figure(ReportKind report, String column, String label, Unit unit, Set<String> sources, Setting... settings) {
        this.report = report;
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.sources = sources;
        this.settings = Set.of(settings);
    }

    /** The report that shows the figure: management (weeks and months) or finance (months). */
    public ReportKind report() {
        return report;
    }

    /** The metric table column the figure is read from (refunds: summed from the raw refunds). */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The figure's name in the restatement's JSON, {@code marketing_cost}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Unit unit() {
        return unit;
    }

    /** Whether a changed file of this source can move the figure. */
    public boolean dependsOn(String source) {
        return sources.contains(source);
    }

    /**
     * Whether a change of this setting can move the figure. The time zone moves every figure (it
     * decides each day's period); the data end is judged by {@link FigureKey#isMovedByDataEnd}.
     */
    public boolean dependsOn(Setting setting) {
        return setting == Setting.TIME_ZONE || settings.contains(setting);
    }
}
