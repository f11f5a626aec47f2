package io.commercemetrics.reports.management;

import io.commercemetrics.reports.web.BarChartSvg;
import io.commercemetrics.reports.web.Chart;
import io.commercemetrics.reports.web.PageHeader;
import io.commercemetrics.reports.web.WebTable;
import io.commercemetrics.reports.web.WebTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web version of the management report ({@code web/management.mustache}): the sections the PDF
 * prints, in its order, with the PDF's column headings, as tables and SVG charts.
 */
final class ManagementPage {

    private ManagementPage() {
    }

    static Map<String, Object> model(ManagementSections s) {
        String currency = s.currency();
        Map<String, Object> model = PageHeader.model(s.title(), s.provenance(), s.warning());
        model.put("monthly", s.monthly());
        model.put("headline", WebTable.of(s.headline(), List.of(Column.text("Figure", "label"),
                Column.number("This period", "current"), Column.number("Previous period", "previous"),
                Column.number("Change", "change"), Column.prose("Note", "note"))).asCards());
        model.put("headlineNote", s.headlineNote());

        model.put("revenueChart", chart("revenue", s.revenueChart(), "Revenue (" + currency + ")", "Period", currency,
                s.channelColours()));
        model.put("ordersChart", chart("orders", s.ordersChart(), "Orders", "Period", "Orders", s.channelColours()));
        model.put("channelTable", matrix(s.channelTable(), "Measure", "Channel group", s.periodHeaders()));

        model.put("spreadFigures", WebTable.bySection(s.spreadFigures()));
        model.put("spreadChart", chart("spread", s.spreadChart(), "Traditional orders vs share-credited orders",
                "Period", "Orders", SpreadSection.colours()));

        List<Column> cohortColumns = new ArrayList<>(List.of(Column.text("Cohort", "cohort"),
                Column.text("Acquired via", "group"), Column.number("Customers", "customers")));
        for (int i = 0; i < s.windows().size(); i++) {
            cohortColumns.add(Column.shaded("within " + s.windows().get(i), "r" + i, "s" + i));
        }
        model.put("cohorts", WebTable.of(s.cohorts(), cohortColumns));
        model.put("retention", matrix(s.retention(), "Cohort", "Acquired via (size)",
                ManagementSections.offsetHeaders()));

        model.put("trafficCost", WebTable.of(s.trafficCost(), List.of(Column.text("Channel", "channel"),
                Column.text("Group", "group"), Column.number("Visits", "visits"),
                Column.number("Share clicks", "clicks"), Column.number("Spend (" + currency + ")", "spend"),
                Column.number("Commissions (" + currency + ")", "commissions"),
                Column.number("Cost (" + currency + ")", "cost"), Column.number("Orders", "orders"),
                Column.number("New customers", "newCustomers"), Column.number("Conversion", "conversion"),
                Column.number("CAC (" + currency + ")", "cac"),
                Column.number("Cost per order (" + currency + ")", "costPerOrder"), Column.number("ROAS", "roas"))));

        model.put("reviewFigures", WebTable.bySection(s.reviewFigures()));
        model.put("ratingChart", chart("ratings", s.ratingChart(), "Rating distribution of the period", "Rating",
                "Reviews", ReviewSection.colours()));
        model.put("trust", WebTable.of(s.trust(), List.of(Column.text("Cohort", "cohort"),
                Column.number("Positive (4-5)", "positive"), Column.number("Neutral (3)", "neutral"),
                Column.number("Negative (1-2)", "negative"), Column.number("No review", "none"))));
        model.put("lowestReviewsHeading", s.lowestReviewsHeading());
        model.put("lowestReviews", WebTable.of(s.lowestReviews().rows(), List.of(Column.text("Rating", "rating"),
                Column.text("Date", "date"), Column.text("Order", "order"), Column.prose("Product", "product"),
                Column.prose("Title", "title"), Column.prose("Review (start)", "body")),
                "No review rated 3 or below in this period.").asCards());
        return model;
    }

    private static Chart chart(String id, io.commercemetrics.reports.jasper.SectionRows points, String title,
                               String categoryAxis, String valueAxis, Map<String, String> colours) {
        return new Chart(BarChartSvg.render(id, points, title, categoryAxis, valueAxis, colours), title);
    }

    /** A {@link MatrixRow} table: two label columns, then one shaded column per header. */
    private static WebTable matrix(io.commercemetrics.reports.jasper.SectionRows rows, String label, String sublabel,
                                   List<String> headers) {
        List<Column> columns = new ArrayList<>(List.of(Column.text(label, "label"), Column.text(sublabel, "sublabel")));
        for (int i = 0; i < headers.size(); i++) {
            columns.add(Column.shaded(headers.get(i), "v" + i, "s" + i));
        }
        return WebTable.of(rows, columns);
    }
}
