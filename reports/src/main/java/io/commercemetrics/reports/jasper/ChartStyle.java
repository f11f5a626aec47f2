package io.commercemetrics.reports.jasper;

import io.commercemetrics.reports.format.SeriesColours;
import java.awt.Color;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;

/**
 * What every bar chart of {@code chart.jrxml} gets after Jasper's theme: value-axis ticks at whole
 * numbers only (the axis labels are whole numbers, so a tick at 2.5 would be labelled 2 and sit
 * beside its label's value), and each series its colour by name from the template's
 * {@code SeriesColours} parameter (a map of series name to {@code #RRGGBB}), never by the order
 * the series happen to come in.
 */
public final class ChartStyle extends JRAbstractChartCustomizer {

    public static final String COLOURS_PARAMETER = "SeriesColours";

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        Plot plot = chart.getPlot();
        if (!(plot instanceof CategoryPlot category)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> colours = (Map<String, String>) getParameterValue(COLOURS_PARAMETER);
        apply(category, colours);
    }

    /** Whole-number ticks and each series its colour by name: for the PDF's charts and the web page's alike. */
    public static void apply(CategoryPlot category, Map<String, String> colours) {
        ValueAxis axis = category.getRangeAxis();
        if (axis instanceof NumberAxis numbers) {
            numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        }
        CategoryDataset data = category.getDataset();
        CategoryItemRenderer renderer = category.getRenderer();
        if (data == null || renderer == null) {
            return;
        }
        for (int series = 0; series < data.getRowCount(); series++) {
            String name = String.valueOf(data.getRowKey(series));
            String colour = colours == null ? null : colours.get(name);
            renderer.setSeriesPaint(series, Color.decode(colour == null ? SeriesColours.NEUTRAL : colour));
        }
    }
}
