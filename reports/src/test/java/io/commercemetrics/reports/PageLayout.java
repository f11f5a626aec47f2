package io.commercemetrics.reports;

/**
 * What "a filled page" means in the layout tests, as a share of a page's body that its content
 * reaches (see {@link RenderedReports#pageFills}).
 */
final class PageLayout {

    /**
     * Every page but the last: a section that does not fit moves whole to the next page and may leave
     * the rest of a page empty, never half of it (the pages were 46% full, and 20% where a
     * table's last rows stood alone).
     */
    static final double FULL_ENOUGH = 0.6;
    /** The last page: more than a few rows that overflowed from the page before. */
    static final double LAST_PAGE = 0.25;

    private PageLayout() {
    }
}
