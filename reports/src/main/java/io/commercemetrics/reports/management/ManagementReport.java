package io.commercemetrics.reports.management;

import io.commercemetrics.reports.jasper.ReportFiles;
import io.commercemetrics.reports.jasper.ReportTemplates;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.reports.web.WebPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The management report of one week or month, as PDF and as a web page: headline figures, channel groups,
 * funnel beside divergence, repurchase, traffic cost, reviews and trust, and the provenance.
 */
public final class ManagementReport {

    public static final String PDF = "management.pdf";
    public static final String HTML = "management.html";

    private final ReportTemplates templates;

    public ManagementReport(ReportTemplates templates) {
        this.templates = templates;
    }

    /** @return the files written into {@code folder}: the PDF, the web page and its font */
    public List<Path> render(WarehouseTables tables, ReportPeriod period, Path folder) {
        ManagementSections sections = ManagementSections.of(tables, period, title(period));
        JasperPrint pages = ReportFiles.fill(templates.get("management"), parameters(sections));
        Path pdf = folder.resolve(PDF);
        ReportFiles.writePdf(pages, sections.title(), pdf);
        List<Path> written = new ArrayList<>(List.of(pdf));
        written.addAll(WebPage.write("management", ManagementPage.model(sections), folder.resolve(HTML)));
        return written;
    }

    static String title(ReportPeriod period) {
        return "Management report · " + (period.isMonth() ? "month " : "week ") + period.label();
    }

    /** The master template's parameters; each data source is a fresh one over the sections' rows. */
    private Map<String, Object> parameters(ManagementSections s) {
        Map<String, Object> p = s.provenance().parameters();
        p.put("Title", s.title());
        p.put("Monthly", s.monthly());
        for (String template : List.of("headline", "figures", "chart", "matrix", "repurchase", "traffic-cost",
                "trust", "review-list", "provenance", "inputs")) {
            p.put(subreportParameter(template), templates.get(template));
        }
        p.put("HeadlineRows", s.headline().dataSource());
        p.put("HeadlineNote", s.headlineNote());

        p.put("PeriodHeaders", s.periodHeaders());
        p.put("ChannelRevenueChart", s.revenueChart().dataSource());
        p.put("ChannelOrdersChart", s.ordersChart().dataSource());
        p.put("ChannelTable", s.channelTable().dataSource());
        p.put("ChannelColours", s.channelColours());

        p.put("SpreadFigures", s.spreadFigures().dataSource());
        p.put("SpreadChart", s.spreadChart().dataSource());
        p.put("SpreadColours", SpreadSection.colours());

        // the template has a column per window: blank headers for the windows not configured
        List<String> windows = new ArrayList<>(s.windows());
        while (windows.size() < RepurchaseSection.WINDOW_COLUMNS) {
            windows.add("");
        }
        p.put("WindowHeaders", windows);
        p.put("CohortRows", s.cohorts().dataSource());
        p.put("RetentionRows", s.retention().dataSource());
        p.put("OffsetHeaders", ManagementSections.offsetHeaders());

        p.put("TrafficRows", s.trafficCost().dataSource());

        p.put("ReviewFigures", s.reviewFigures().dataSource());
        p.put("RatingChart", s.ratingChart().dataSource());
        p.put("RatingColours", ReviewSection.colours());
        p.put("TrustRows", s.trust().dataSource());
        p.put("LowestReviews", s.lowestReviews().dataSource());
        p.put("LowestReviewsHeading", s.lowestReviewsHeading());
        p.put("PeriodWarning", s.warning());
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
