package io.commercemetrics.reports.web;

import io.commercemetrics.reports.jasper.ChartStyle;
import io.commercemetrics.reports.jasper.SectionRows;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A bar chart of the web page: the points the PDF's chart reads ({@code category}, {@code series},
 * {@code value}), drawn by JFreeChart as the PDF's are (whole-number ticks, each series its colour
 * by name: {@link ChartStyle}) onto an SVG canvas, so it stays sharp at every zoom and its text is
 * text, in the page's font.
 */
public final class BarChartSvg {

    /**
     * Drawing units; the page scales the SVG to its column, keeping this aspect ratio. Narrow, so its
     * text stays legible when a phone shrinks it to 360 px.
     */
    private static final int WIDTH = 440;
    private static final int HEIGHT = 280;
    private static final Color TEXT = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xD5, 0xDB, 0xE3);

    private BarChartSvg() {
    }

    /**
     * @param id an id unique in the page: the SVG's clip paths are named after it
     * @return the {@code <svg>} element, or null when there is nothing to chart
     */
    public static String render(String id, SectionRows points, String title, String categoryAxis, String valueAxis,
                                Map<String, String> colours) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map<String, ?> point : points.rows()) {
            data.addValue((Number) point.get("value"), (String) point.get("series"), (String) point.get("category"));
        }
        if (data.getRowCount() == 0) {
            return null;
        }
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data, PlotOrientation.VERTICAL,
                true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ChartStyle.apply(plot, colours);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        svg.setDefsKeyPrefix(id + "-");
        // the page's @font-face serves this family: the SVG's text uses the same glyphs as the tables.
        // Double quotes: jfreesvg writes the style attribute in single quotes.
        svg.setFontFunction(family -> "\"" + ReportFont.FAMILY + "\", sans-serif");
        // a hundredth of a unit is finer than any screen shows: the page stays small
        svg.setGeomDoubleConverter(BarChartSvg::twoPlaces);
        svg.setTransformDoubleConverter(BarChartSvg::twoPlaces);
        drawWithTextAsText(chart, svg);
        return svg.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
    }

    /**
     * JFreeChart draws rotated labels (the slanted periods) through a TextLayout by default, which
     * an SVG canvas can only record as outlines: kilobytes of path per label, and text a reader
     * cannot select. Switched off for this drawing only, and restored, since the PDFs' charts
     * (drawn earlier in the same thread) are left exactly as they are.
     */
    private static synchronized void drawWithTextAsText(JFreeChart chart, SVGGraphics2D svg) {
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
    }

    private static String twoPlaces(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(ReportFont.awt(Font.BOLD, 14));
        chart.getTitle().setPaint(TEXT);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(ReportFont.awt(Font.PLAIN, 12));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 3, 2, 12));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        CategoryAxis categories = plot.getDomainAxis();
        // twelve period labels fit side by side only when slanted, as in the PDF
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        categories.setTickLabelFont(ReportFont.awt(Font.PLAIN, 11));
        categories.setLabelFont(ReportFont.awt(Font.PLAIN, 12));
        categories.setTickLabelPaint(TEXT);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
        values.setTickLabelFont(ReportFont.awt(Font.PLAIN, 11));
        values.setLabelFont(ReportFont.awt(Font.PLAIN, 12));
        values.setTickLabelPaint(TEXT);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
    }
}
