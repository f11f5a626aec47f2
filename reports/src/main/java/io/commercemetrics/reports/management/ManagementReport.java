package io.commercemetrics.reports.management;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.jasper.ReportFiles;
import io.commercemetrics.reports.jasper.ReportTemplates;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The management report of one week or month, as PDF and HTML: headline figures, channel groups,
 * funnel beside divergence, repurchase, traffic cost, reviews and trust, and the provenance.
 */
public final class ManagementReport {

    public static final String PDF = "management.pdf";
    public static final String HTML = "management.html";

    private final ReportTemplates templates;

    public ManagementReport(ReportTemplates templates) {
        this.templates = templates;
    }

    /** @return the files written into {@code folder} */
    public List<Path> render(WarehouseTables tables, ReportPeriod period, Path folder) {
        Provenance provenance = Provenance.of(tables, period, ReportKind.management);
        // a fill consumes its data sources: each output gets its own parameters
        JasperPrint pages = ReportFiles.fill(templates.get("management"), parameters(tables, period, provenance));
        JasperPrint screen = ReportFiles.fillContinuous(templates.get("management"),
                parameters(tables, period, provenance));
        Path pdf = folder.resolve(PDF);
        Path html = folder.resolve(HTML);
        ReportFiles.writePdf(pages, title(period), pdf);
        ReportFiles.writeHtml(screen, html);
        return List.of(pdf, html);
    }

    static String title(ReportPeriod period) {
        return "Management report · " + (period.isMonth() ? "month " : "week ") + period.label();
    }

    private Map<String, Object> parameters(WarehouseTables tables, ReportPeriod period, Provenance provenance) {
        String currency = provenance.currency();
        Map<String, Object> p = provenance.parameters();
        p.put("Title", title(period));
        // cohorts are months: a week's report leaves their tables to the month's
        p.put("Monthly", period.isMonth());
        for (String template : List.of("headline", "figures", "chart", "matrix", "repurchase", "traffic-cost",
                "trust", "review-list", "provenance", "inputs")) {
            p.put(subreportParameter(template), templates.get(template));
        }
        p.put("HeadlineRows", HeadlineSection.rows(tables, period, currency).dataSource());
        p.put("HeadlineNote", HeadlineSection.note(period));

        ChannelSection channels = new ChannelSection(tables, period);
        p.put("PeriodHeaders", channels.headers());
        p.put("ChannelRevenueChart", channels.revenueChart().dataSource());
        p.put("ChannelOrdersChart", channels.ordersChart().dataSource());
        p.put("ChannelTable", channels.table(currency).dataSource());
        p.put("ChannelColours", channels.colours());

        SpreadSection spread = new SpreadSection(tables, period, provenance.dataEnd());
        p.put("SpreadFigures", spread.figures().dataSource());
        p.put("SpreadChart", spread.chart().dataSource());
        p.put("SpreadColours", SpreadSection.colours());

        RepurchaseSection repurchase = new RepurchaseSection(tables, period, provenance.dataEnd());
        List<String> windows = new ArrayList<>(repurchase.windows().stream().map(d -> d + " days").toList());
        while (windows.size() < RepurchaseSection.WINDOW_COLUMNS) {
            windows.add("");
        }
        p.put("WindowHeaders", windows);
        p.put("CohortRows", repurchase.cohortTable().dataSource());
        p.put("RetentionRows", repurchase.retentionTriangle().dataSource());
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < MatrixRow.COLUMNS; i++) {
            offsets.add("month " + i);
        }
        p.put("OffsetHeaders", offsets);

        p.put("TrafficRows", TrafficCostSection.rows(tables, period, currency).dataSource());

        ReviewSection reviews = new ReviewSection(tables, period, provenance.dataEnd());
        p.put("ReviewFigures", reviews.figures().dataSource());
        p.put("RatingChart", reviews.ratingChart().dataSource());
        p.put("RatingColours", ReviewSection.colours());
        p.put("TrustRows", reviews.trust().dataSource());
        ReviewSection.LowestReviews lowest = reviews.lowestRated(ZoneId.of(tables.run().reportingTimeZone()));
        p.put("LowestReviews", lowest.rows().dataSource());
        p.put("LowestReviewsHeading", lowest.heading());
        p.put("PeriodWarning", provenance.warning(tables.missing()));
        return p;
    }

    /** {@code traffic-cost} is passed as {@code TrafficCostReport}. */
    static String subreportParameter(String template) {
        StringBuilder name = new StringBuilder();
        for (String part : template.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("Report").toString();
    }
}
