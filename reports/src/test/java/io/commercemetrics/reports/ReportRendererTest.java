package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the golden warehouse once ("latest": week 2026-W44 and month 2026-10, every kind) and
 * checks what a reader sees: the PDF text against the metric tables' values.
 */
class ReportRendererTest {

    @TempDir
    static Path dir;
    static Path out;
    static WarehouseTables golden;
    static ReportSet written;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void renderLatest() throws Exception {
        golden = GoldenWarehouse.write(dir.resolve("warehouse"));
        out = dir.resolve("reports");
        written = new ReportRenderer().render(new ReportRequest(golden, out, "latest", ReportKind.all, progress::add));
    }

    /** {@code -Dreports.sample=DIR} keeps a copy of the rendered reports for a person to look at. */
    @AfterAll
    static void keepSampleWhenAsked() throws Exception {
        String sample = System.getProperty("reports.sample");
        if (sample != null) {
            try (var files = Files.walk(out)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = Path.of(sample).resolve(out.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void latestIsTheLastCompleteWeekAndMonthWithEveryFile() {
        assertThat(written.reports()).containsExactlyInAnyOrder(
                out.resolve("2026-W44/management.pdf"), out.resolve("2026-W44/management.html"),
                out.resolve("2026-W44/assets/management.ttf"),
                out.resolve("2026-10/management.pdf"), out.resolve("2026-10/management.html"),
                out.resolve("2026-10/assets/management.ttf"),
                out.resolve("2026-10/finance.pdf"), out.resolve("2026-10/finance.html"),
                out.resolve("2026-10/assets/finance.ttf"), out.resolve("2026-10/finance.xlsx"),
                out.resolve("2026-10/finance.csv"));
        assertThat(written.files()).allMatch(Files::isRegularFile).contains(out.resolve("index.html"));
        assertThat(progress).anyMatch(line -> line.contains("management report 2026-W44"));
    }

    @Test
    void headlineFiguresAreTheTotalRowsWithTheirChange() throws Exception {
        String text = RenderedReports.pdfText(out.resolve("2026-10/management.pdf"));
        assertThat(text).contains("Revenue CNY 144,444.33 CNY 120,000.00 +20.4%")
                .contains("Orders 650 600 +8.3%")
                .contains("New customers 160 150 +6.7%")
                .contains("Repeat-customer rate 22.0% 20.0% +2.0 pp")
                .contains("CAC (cost per new customer) CNY 38.97 CNY 40.00 -2.6%")
                .contains("ROAS (revenue / cost) 23.17 20.00 +3.17")
                .contains("Refunds CNY 221.24 CNY 30.00 +637.5% refunds dated in the period");
    }

    @Test
    void everySectionShowsTheTablesValues() throws Exception {
        String text = RenderedReports.pdfText(out.resolve("2026-10/management.pdf"));
        // channel groups over the last periods (September and October)
        assertThat(text).contains("Revenue (CNY) social").contains("45,678.90").contains("98,765.43")
                .contains("40,000.00").contains("Orders traditional");
        // funnel beside divergence
        assertThat(text).contains("Visits 10,000").contains("Conversion (orders / visits) 5.00%")
                .contains("Active sharers 100").contains("Orders per sharer 5.00").contains("100 sharers, 5.00 orders each")
                .contains("Shares (of them re-shares) 180 (60)").contains("Longest re-share chain 4")
                .contains("K-factor (cohort 2026-10) 0.15 *");
        // repurchase: the 90-day window of the September cohort is still open on 2026-11-03
        assertThat(text).contains("2026-09 all 150 12.0% 18.7% * 20.0% *").contains("2026-09 social 50 18.0%");
        // retention: November is the data end's month and not over, so its cells are marked
        assertThat(text).contains("2026-09 all (150) 100.0% 15.3% 4.0% *").contains("2026-10 all (160) 100.0% 1.9% *")
                .contains("grey: not reached yet");
        // traffic cost: the channel, group and total rows as stored
        assertThat(text).contains("search traditional 10,000 0 5,000.00 0.00 5,000.00 500 120 5.00% 41.67 10.00 19.75")
                .contains("all channels all 10,000 420 5,000.00 1,234.56 6,234.56 650 160 6.24% 38.97 9.59 23.17");
        // reviews and trust
        assertThat(text).contains("Average rating 4.10").contains("Review rate 20.0% 130 of 650 orders")
                .contains("Low ratings (1-2) 12.9%")
                .contains("2026-09 * 30.0% of 40 20.0% of 10 12.5% of 8 14.1% of 92");
    }

    @Test
    void lowestRatedReviewsOfThePeriodIncludingChineseText() throws Exception {
        String text = RenderedReports.pdfText(out.resolve("2026-10/management.pdf"));
        assertThat(text).contains(GoldenWarehouse.CHINESE_TITLE).contains("包装破损，等了两个星期才到。")
                .contains("Runs too small").contains("Okay in Shanghai")
                .doesNotContain("September complaint").doesNotContain("November complaint")
                .doesNotContain("Love it");
        assertThat(text.indexOf(GoldenWarehouse.CHINESE_TITLE)).isLessThan(text.indexOf("Runs too small"));
        // nothing was cut, and the heading says so
        assertThat(text).contains("Lowest-rated reviews of the period (rating 3 or below, worst first): all 3 shown");
    }

    /**
     * "Reviews written 140" beside "130 of 650 orders" reads as a contradiction unless each says what
     * it counts: reviews dated in the period, against the period's orders that have a review.
     */
    @Test
    void theReviewFiguresSayWhatEachCounts() throws Exception {
        String text = RenderedReports.pdfText(out.resolve("2026-10/management.pdf")).replaceAll("\\s+", " ");
        assertThat(text).contains("Reviews written 140 dated in the period, of orders placed at any time")
                .contains("Review rate 20.0% 130 of 650 orders placed in the period have a review (written by the "
                        + "data end)")
                .contains("Low ratings (1-2) 12.9% share of the reviews written");
    }

    @Test
    void provenanceAndPageNumbersOnTheReport() throws Exception {
        Path pdf = out.resolve("2026-10/management.pdf");
        String text = RenderedReports.pdfText(pdf);
        assertThat(text).contains("Data through 2026-11-03").contains("Run id " + GoldenWarehouse.RUN_ID)
                .contains("Commission rules default, 2026-autumn").contains("Reporting time zone Asia/Shanghai")
                .contains("Reporting currency CNY");
        int pages = RenderedReports.pdfPages(pdf);
        assertThat(text).contains("Page 1 of " + pages).contains("Page " + pages + " of " + pages);
    }

    /**
     * Each input file as the ingest summary counts it (read = accepted + quarantined, superseded order
     * versions, kept for the metrics), named by its file name (its folder's too where two share a
     * name), never a path of the machine that ingested it; computed at in local time to the minute.
     */
    @Test
    void theProvenanceCountsEachInputFileAsTheIngestDidAndTellsTheLocalTime() throws Exception {
        for (String pdf : new String[] {"2026-10/management.pdf", "2026-W44/management.pdf", "2026-10/finance.pdf"}) {
            String text = RenderedReports.pdfText(out.resolve(pdf));
            assertThat(text).as(pdf).contains("File Source Read Accepted Quarantined Superseded Kept")
                    .contains("2026-10/orders.csv orders 3,000 2,990 10 1,756 1,234")
                    .contains("2026-11/orders.csv orders 25 25 0 5 20")
                    .contains("reviews.jsonl reviews – – – – 56")
                    .doesNotContain("/srv/exports")
                    .contains("Computed at 2026-11-04 09:02 (Asia/Shanghai)")
                    .doesNotContain("01:02:03");
        }
    }

    @Test
    void theWeeklyReportComparesWithThePreviousWeek() throws Exception {
        String text = RenderedReports.pdfText(out.resolve("2026-W44/management.pdf"));
        assertThat(text).contains("week 2026-W44").contains("2026-10-26 to 2026-11-01")
                .contains("Revenue CNY 33,333.33 CNY 30,000.00 +11.1%")
                .contains("Repeat-customer rate 25.0% 20.0% +5.0 pp")
                .contains("Visits 2,500").contains("Orders per sharer 3.50");
    }

    /**
     * A weekly reader wants the week: the monthly cohort tables and a cohort's K-factor belong to the
     * month's report, and the week's says where they are.
     */
    @Test
    void theWeeklyReportLeavesTheMonthlyCohortsToTheMonthsReport() throws Exception {
        String week = RenderedReports.pdfText(out.resolve("2026-W44/management.pdf"));
        assertThat(week).doesNotContain("K-factor (cohort").doesNotContain("Repurchase by acquisition group")
                .doesNotContain("Retention triangle").doesNotContain("Repurchase within 90 days by the first order")
                .doesNotContain("2026-09 all 150 12.0%");
        assertThat(week.replaceAll("\\s+", " ")).contains("Cohorts are months: repurchase by cohort, the retention "
                + "triangle, the K-factor and repurchase by first review are in the month's report.");
        String month = RenderedReports.pdfText(out.resolve("2026-10/management.pdf"));
        assertThat(month).contains("K-factor (cohort 2026-10)").contains("Retention triangle")
                .contains("Repurchase within 90 days by the first order").doesNotContain("Cohorts are months");
    }

    /**
     * The rating chart of a week of 23 reviews (at most 12 of one rating): ticks every 2.5 would be
     * labelled 0, 2, 5, 8, 10, 12, each label beside a tick of another value. Every chart's value
     * axis must read whole numbers in equal steps, each printed where its value lies.
     */
    @Test
    void everyValueAxisHasWholeNumberTicksWithEachLabelOnItsTick() throws Exception {
        Map<String, List<String>> charts = Map.of(
                "2026-W44/management.pdf", List.of("Rating distribution of the period", "Revenue (CNY)",
                        "Traditional orders vs share-credited orders"),
                "2026-10/management.pdf", List.of("Rating distribution of the period", "Revenue (CNY)",
                        "Traditional orders vs share-credited orders"));
        for (Map.Entry<String, List<String>> report : charts.entrySet()) {
            Path pdf = out.resolve(report.getKey());
            for (String title : report.getValue()) {
                int page = RenderedReports.pageWith(pdf, title);
                List<RenderedReports.Word> labels = ChartPages.valueAxisLabels(
                        ChartPages.chartWords(RenderedReports.words(pdf, page), title));
                String chart = report.getKey() + ", " + title + ": " + labels.stream()
                        .map(RenderedReports.Word::text).toList();
                assertThat(labels).as(chart).hasSizeGreaterThanOrEqualTo(3);
                java.util.Set<Long> steps = new java.util.HashSet<>();
                for (int i = 1; i < labels.size(); i++) {
                    steps.add(ChartPages.value(labels.get(i - 1)) - ChartPages.value(labels.get(i)));
                }
                assertThat(steps).as(chart + " in equal steps").hasSize(1);
                assertThat(ChartPages.offsetsFromTicks(labels)).as(chart + ": points from its tick")
                        .allMatch(offset -> offset < 0.75);
            }
        }
    }

    /** Social is one colour in every chart of a report, traditional another, whatever the series order. */
    @Test
    void eachChannelGroupHasOneColourInEveryChart() throws Exception {
        for (String pdf : new String[] {"2026-W44/management.pdf", "2026-10/management.pdf"}) {
            Map<String, java.util.Set<String>> colours = ChartPages.legendColours(out.resolve(pdf));
            assertThat(colours).as(pdf).containsKeys("social", "traditional");
            assertThat(colours.get("social")).as(pdf + " social").hasSize(1);
            assertThat(colours.get("traditional")).as(pdf + " traditional").hasSize(1);
            assertThat(colours.get("social")).as(pdf).doesNotContainAnyElementsOf(colours.get("traditional"));
        }
    }

    /**
     * Sections follow one another, so no page but the last is left half empty and the last page is
     * more than a few overflowing rows (judged on the pages' pictures).
     */
    @Test
    void pagesAreFilled() throws Exception {
        for (String pdf : new String[] {"2026-W44/management.pdf", "2026-10/management.pdf", "2026-10/finance.pdf"}) {
            RenderedReports.assertPagesFilled(out.resolve(pdf));
        }
    }

    @Test
    void noPageIsEmpty() throws Exception {
        for (String pdf : new String[] {"2026-W44/management.pdf", "2026-10/management.pdf", "2026-10/finance.pdf"}) {
            assertThat(RenderedReports.emptyPages(out.resolve(pdf))).as(pdf).isEmpty();
        }
    }

    @Test
    void theWebPageCarriesTheSameFiguresWithSvgChartsAndItsFont() throws Exception {
        String html = Files.readString(out.resolve("2026-10/management.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<title>Management report · month 2026-10</title>").contains("144,444.33")
                .contains(GoldenWarehouse.CHINESE_TITLE).contains("<svg").contains("url('assets/management.ttf')")
                .doesNotContain("data:image/");
    }

    /** The statement's total rows on the web page are the ledger's totals per currency, as in the PDF. */
    @Test
    void theFinanceWebPageHasTheStatementWithItsTotalsPerCurrency() throws Exception {
        String pdf = RenderedReports.pdfText(out.resolve("2026-10/finance.pdf"));
        String html = Files.readString(out.resolve("2026-10/finance.html"), StandardCharsets.UTF_8);
        assertThat(pdf).contains("Total CNY 100.00 350.49 230.35 10.00 220.35 320.35 270.25 50.10");
        assertThat(html).contains("<title>Commission statement and reconciliation · month 2026-10</title>")
                .containsPattern("<tr class=\"total\">.*>Total</td>.*>CNY</td>.*>100.00</td>.*>350.49</td>"
                        + ".*>230.35</td>.*>10.00</td>.*>220.35</td>.*>320.35</td>.*>270.25</td>.*>50.10</td></tr>")
                .contains("unpaid, due 2026-11-05").contains("url('assets/finance.ttf')");
    }

    @Test
    void theIndexListsEveryReportNewestFirst() throws Exception {
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("href=\"2026-W44/management.pdf\"").contains("href=\"2026-10/finance.xlsx\"")
                .contains("href=\"2026-10/management.html\">Management (web)").contains("href=\"2026-10/finance.html\"")
                .contains("href=\"2026-10/finance.csv\"");
        assertThat(index.indexOf("2026-W44/")).isLessThan(index.indexOf("2026-10/"));
    }

    @Test
    void aPeriodPastTheDataEndSaysItIsIncomplete() throws Exception {
        Path other = dir.resolve("incomplete");
        new ReportRenderer().render(new ReportRequest(golden, other, "2026-11",
                ReportKind.management, null));
        String text = RenderedReports.pdfText(other.resolve("2026-11/management.pdf"));
        assertThat(text).contains("Incomplete period: the data ends on 2026-11-03")
                .contains("Revenue – CNY 144,444.33 –")
                // no review summary for November: the rating chart says so rather than drawing zeros
                .contains("No data to chart for this period.");
    }

    @Test
    void aTableTheMetricsJobDidNotWriteEmptiesItsSectionAndSaysSo() throws Exception {
        WarehouseTables full = GoldenWarehouse.write(dir.resolve("partial"));
        // a run record without trust_effect: a run of a version that did not compute it
        java.util.Map<String, Long> snapshots = new java.util.HashMap<>(full.run().metricSnapshots());
        snapshots.remove("trust_effect");
        WarehouseTables metrics = new WarehouseTables(new io.commercemetrics.warehouse.TableReader(
                TableFixtures.open(dir.resolve("partial"))), full.run().withSnapshots(snapshots,
                full.run().rawSnapshots()));
        List<String> lines = new ArrayList<>();
        new ReportRenderer().render(new ReportRequest(metrics, dir.resolve("partial-out"), "2026-10",
                ReportKind.management, lines::add));
        String text = RenderedReports.pdfText(dir.resolve("partial-out/2026-10/management.pdf"));
        assertThat(text).contains("Not computed in this warehouse: trust_effect.")
                .contains("Revenue CNY 144,444.33").doesNotContain("30.0% of 40");
        assertThat(lines).anyMatch(line -> line.startsWith("warning: no metric table trust_effect"));
    }

    /**
     * A channel with no spend and no commission has no cost recorded: its CAC and cost per order are
     * a dash, not 0.00, and so is the headline CAC of a month without any cost data.
     */
    @Test
    void withoutCostRecordedCacAndCostPerOrderReadAsADash() throws Exception {
        TableFixtures shop = new TableFixtures(dir.resolve("no-cost"));
        // period_type, period, channel, channel_group, visits, share_clicks, spend, commissions, cost, orders,
        // revenue, new_customers, conversion_rate, cac, cost_per_order, roas
        List<Object[]> traffic = new ArrayList<>();
        traffic.add(new Object[] {"month", "2026-10", "direct", "traditional", 800L, 0L, "0", "0", "0", 30L,
                "3000.00", 10L, "0.037500", "0.00", "0.00", null});
        traffic.add(new Object[] {"month", "2026-10", "search", "traditional", 1000L, 0L, "500.00", "0", "500.00", 20L,
                "2000.00", 5L, "0.020000", "100.00", "25.00", "4.000000"});
        for (String channel : new String[] {"*", "*"}) {
            traffic.add(new Object[] {"month", "2026-10", channel, traffic.size() == 2 ? "traditional" : "*", 1800L, 0L,
                    "500.00", "0", "500.00", 50L, "5000.00", 15L, "0.027778", "33.33", "10.00", "10.000000"});
        }
        // September: no cost data at all
        for (String[] key : new String[][] {{"direct", "traditional"}, {"*", "traditional"}, {"*", "*"}}) {
            traffic.add(new Object[] {"month", "2026-09", key[0], key[1], 700L, 0L, "0", "0", "0", 25L,
                    "2500.00", 9L, "0.035714", "0.00", "0.00", null});
        }
        shop.metric(io.commercemetrics.schemas.MetricTables.TRAFFIC_COST, traffic);
        WarehouseTables tables = shop.publish(new io.commercemetrics.warehouse.MetricsRunRecord("run-no-cost",
                "2026-11-01T00:00:00Z", "2026-10-31", "Asia/Shanghai", "CNY", List.of("default"), List.of(), null, null));
        new ReportRenderer().render(new ReportRequest(tables, dir.resolve("no-cost-out"), "2026-10",
                ReportKind.management, null));

        String text = RenderedReports.pdfText(dir.resolve("no-cost-out/2026-10/management.pdf"));
        assertThat(text).contains("direct traditional 800 0 0.00 0.00 0.00 30 10 3.75% – – –")
                .contains("search traditional 1,000 0 500.00 0.00 500.00 20 5 2.00% 100.00 25.00 4.00")
                .contains("CAC (cost per new customer) CNY 33.33 – –")
                .doesNotContain("CNY 33.33 CNY 0.00");
    }

    /**
     * A month after the data (the 2031-01) is refused before anything is written: no pages of
     * dashes, no finance page saying every payout matches, no line at the top of the index.
     */
    @Test
    void aPeriodOutsideTheDataIsRefusedAndNothingIsWritten() {
        Path other = dir.resolve("outside");
        assertThatThrownBy(() -> new ReportRenderer().render(new ReportRequest(golden, other, "2031-01",
                ReportKind.all, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data for month 2031-01")
                .hasMessageContaining("runs through 2026-11-03");
        assertThat(other).doesNotExist();
    }

    @Test
    void aFinanceReportOfAWeekIsRefused() {
        assertThatThrownBy(() -> new ReportRenderer().render(new ReportRequest(golden,
                dir.resolve("other"), "2026-W44", ReportKind.finance, null)))
                .hasMessageContaining("monthly");
    }
}
