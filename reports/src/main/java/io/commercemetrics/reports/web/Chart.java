package io.commercemetrics.reports.web;

/**
 * A chart of the page: its SVG, or when there is nothing to chart, the sentence the PDF prints.
 *
 * @param svg the {@code <svg>} element, inserted as it is; null when there is no data
 */
public record Chart(String svg, String title) {

    public static final String NO_DATA = "No data to chart for this period.";

    public String empty() {
        return svg == null ? NO_DATA : "";
    }
}
