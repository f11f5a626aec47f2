package io.commercemetrics.reports.management;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every section of one management report, read from the metric tables once: the PDF and the web
 * page are both drawn from these rows, so they show the same figures.
 *
 * @param windows the repurchase windows shown, as {@code 30 days}, at most {@link RepurchaseSection#WINDOW_COLUMNS}
 */
record ManagementSections(ReportPeriod period, Provenance provenance, String title, String warning,
                          SectionRows headline, String headlineNote,
                          List<String> periodHeaders, SectionRows revenueChart, SectionRows ordersChart,
                          SectionRows channelTable, Map<String, String> channelColours,
                          SectionRows spreadFigures, SectionRows spreadChart,
                          List<String> windows, SectionRows cohorts, SectionRows retention,
                          SectionRows trafficCost,
                          SectionRows reviewFigures, SectionRows ratingChart, SectionRows trust,
                          SectionRows lowestReviews, String lowestReviewsHeading) {

    static ManagementSections of(WarehouseTables tables, ReportPeriod period, String title) {
        Provenance provenance = Provenance.of(tables, period, ReportKind.management);
        String currency = provenance.currency();
        ChannelSection channels = new ChannelSection(tables, period);
        SpreadSection spread = new SpreadSection(tables, period, provenance.dataEnd());
        RepurchaseSection repurchase = new RepurchaseSection(tables, period, provenance.dataEnd());
        ReviewSection reviews = new ReviewSection(tables, period, provenance.dataEnd());
        ReviewSection.LowestReviews lowest = reviews.lowestRated(ZoneId.of(tables.run().reportingTimeZone()));
        SectionRows headline = HeadlineSection.rows(tables, period, currency);
        SectionRows channelTable = channels.table(currency);
        SectionRows spreadFigures = spread.figures();
        SectionRows cohorts = repurchase.cohortTable();
        SectionRows retention = repurchase.retentionTriangle();
        SectionRows trafficCost = TrafficCostSection.rows(tables, period, currency);
        SectionRows trust = reviews.trust();
        // last: the tables found missing are known once every section has read its tables
        String warning = provenance.warning(tables.missing());
        return new ManagementSections(period, provenance, title, warning, headline, HeadlineSection.note(period),
                channels.headers(), channels.revenueChart(), channels.ordersChart(), channelTable, channels.colours(),
                spreadFigures, spread.chart(),
                repurchase.windows().stream().map(days -> days + " days").toList(), cohorts, retention,
                trafficCost, reviews.figures(), reviews.ratingChart(), trust, lowest.rows(), lowest.heading());
    }

    String currency() {
        return provenance.currency();
    }

    /** Cohorts are months: a week's report leaves their tables to the month's. */
    boolean monthly() {
        return period.isMonth();
    }

    /** The retention triangle's column headers: {@code month 0} to {@code month 11} after the first order. */
    static List<String> offsetHeaders() {
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < MatrixRow.COLUMNS; i++) {
            offsets.add("month " + i);
        }
        return offsets;
    }
}
