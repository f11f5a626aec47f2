package io.commercemetrics.reports.management;

import static io.commercemetrics.reports.management.PeriodRows.ALL;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.format.SeriesColours;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reviews and trust: the period's rating distribution and review rate (review_summary, all groups
 * and categories), repurchase after a positive, neutral, negative or no first review (trust_effect,
 * all groups, last six cohorts) and the period's lowest-rated reviews from the raw reviews.
 */
final class ReviewSection {

    static final List<String> FIRST_REVIEWS = List.of("positive", "neutral", "negative", "none");
    static final int LOWEST = 5;
    static final String RATING_SERIES = "Reviews";
    /** A review rated above this is not a complaint, however few reviews the period has. */
    static final int LOW_RATING = 3;
    private static final int BODY_CHARS = 160;

    private final WarehouseTables tables;
    private final ReportPeriod period;
    private final LocalDate dataEnd;
    private final Optional<TableRow> summary;

    ReviewSection(WarehouseTables tables, ReportPeriod period, LocalDate dataEnd) {
        this.tables = tables;
        this.period = period;
        this.dataEnd = dataEnd;
        this.summary = PeriodRows.find(tables.metric(MetricTables.REVIEW_SUMMARY), period,
                "channel_group", ALL, "category", ALL);
    }

    SectionRows figures() {
        SectionRows rows = new SectionRows();
        String section = "Reviews of the period";
        // two different counts side by side: say what each one counts (METRICS.md, review_summary)
        rows.add("section", section, "label", "Reviews written", "value",
                Figures.count(summary.map(r -> r.count("reviews")).orElse(null)),
                "note", "dated in the period, of orders placed at any time");
        rows.add("section", section, "label", "Average rating", "value",
                Figures.decimal(summary.map(r -> r.decimal("avg_rating")).orElse(null), 2),
                "note", "of 5, over those reviews");
        rows.add("section", section, "label", "Review rate", "value",
                Figures.percent(summary.map(r -> r.decimal("review_rate")).orElse(null), 1),
                "note", summary.map(r -> Figures.count(r.count("reviewed_orders")) + " of "
                        + Figures.count(r.count("orders")) + " orders placed in the period have a review "
                        + "(written by the data end)").orElse(null));
        rows.add("section", section, "label", "Low ratings (1-2)", "value",
                Figures.percent(summary.map(r -> r.decimal("low_share")).orElse(null), 1),
                "note", "share of the reviews written");
        return rows;
    }

    /** Empty without a summary row, so the chart says there is nothing to chart instead of drawing zeros. */
    SectionRows ratingChart() {
        SectionRows points = new SectionRows();
        if (summary.isEmpty()) {
            return points;
        }
        for (int rating = 1; rating <= 5; rating++) {
            String column = "rating_" + rating;
            points.add("category", "rating " + rating, "series", RATING_SERIES,
                    "value", summary.map(r -> (Number) r.count(column)).orElse(null));
        }
        return points;
    }

    /** Reviews are no channel group: a colour no group has. */
    static java.util.Map<String, String> colours() {
        return SeriesColours.of(RATING_SERIES, SeriesColours.NEUTRAL);
    }

    /** One row per cohort: repurchase within 90 days by first review, {@code rate (customers)}. */
    SectionRows trust() {
        YearMonth last = period.lastMonth();
        YearMonth first = last.minusMonths(5);
        List<TableRow> rows = tables.metric(MetricTables.TRUST_EFFECT).stream()
                .filter(r -> r.is("acquisition_group", ALL)).toList();
        SectionRows section = new SectionRows();
        for (YearMonth cohort = first; !cohort.isAfter(last); cohort = cohort.plusMonths(1)) {
            String label = cohort.toString();
            List<TableRow> ofCohort = rows.stream().filter(r -> r.is("cohort_month", label)).toList();
            if (ofCohort.isEmpty()) {
                continue;
            }
            boolean open = cohort.atEndOfMonth().plusDays(90).isAfter(dataEnd);
            Object[] fields = new Object[2 + 2 * FIRST_REVIEWS.size()];
            fields[0] = "cohort";
            fields[1] = open ? label + " *" : label;
            for (int i = 0; i < FIRST_REVIEWS.size(); i++) {
                String kind = FIRST_REVIEWS.get(i);
                fields[2 + 2 * i] = kind;
                fields[3 + 2 * i] = ofCohort.stream().filter(r -> r.is("first_review", kind)).findFirst()
                        .map(r -> Figures.percent(r.decimal("rate"), 1) + " of " + Figures.count(r.count("customers")))
                        .orElse(Figures.NONE);
            }
            section.add(fields);
        }
        return section;
    }

    /**
     * The period's lowest-rated reviews (dated in it, up to the data end, rated 3 or below), worst
     * and newest first: the first {@link #LOWEST} of them, and how many there are.
     */
    LowestReviews lowestRated(ZoneId zone) {
        Map<String, String> products = productsByOrder();
        List<TableRow> low = tables.rawReviews().stream()
                .filter(r -> r.instant("review_ts") != null && r.integer("rating") != null
                        && r.integer("rating") <= LOW_RATING)
                .filter(r -> {
                    LocalDate day = r.instant("review_ts").atZone(zone).toLocalDate();
                    return period.contains(day) && !day.isAfter(dataEnd);
                })
                .sorted(Comparator.<TableRow>comparingInt(r -> r.integer("rating"))
                        .thenComparing(r -> r.instant("review_ts"), Comparator.reverseOrder())
                        .thenComparing(r -> r.text("review_id")))
                .toList();
        SectionRows rows = new SectionRows();
        low.stream().limit(LOWEST)
                .forEach(r -> rows.add("rating", r.integer("rating") + " / 5",
                        "date", r.instant("review_ts").atZone(zone).toLocalDate().toString(),
                        "order", r.text("order_id"),
                        "product", product(r, products),
                        "title", r.text("title") == null ? Figures.NONE : r.text("title"),
                        "body", start(r.text("body"))));
        return new LowestReviews(rows, low.size());
    }

    /**
     * The lowest-rated reviews shown, of {@code total} in the period.
     */
    record LowestReviews(SectionRows rows, int total) {

        static final String HEADING = "Lowest-rated reviews of the period (rating 3 or below, worst first)";

        int shown() {
            return rows.rows().size();
        }

        /** The heading, saying whether the list is cut: "5 of 12 shown" or "all 3 shown". */
        String heading() {
            if (total == 0) {
                return HEADING;
            }
            return HEADING + ": " + (shown() < total ? shown() + " of " + total + " shown" : "all " + total + " shown");
        }
    }

    /**
     * The product a review is about: its own sku, else the products of its order's lines (the
     * product titles a platform export gives, as they were written, Chinese included).
     */
    private static String product(TableRow review, Map<String, String> products) {
        String sku = review.text("sku");
        if (sku != null && !sku.isBlank()) {
            return sku;
        }
        return products.getOrDefault(review.text("order_id"), Figures.NONE);
    }

    /** Each order's distinct line skus in line order, joined with " · ". */
    private Map<String, String> productsByOrder() {
        Map<String, java.util.List<TableRow>> lines = new java.util.HashMap<>();
        for (TableRow line : tables.raw(io.commercemetrics.schemas.Sources.ORDER_LINES)) {
            lines.computeIfAbsent(line.text("order_id"), k -> new java.util.ArrayList<>()).add(line);
        }
        Map<String, String> products = new java.util.HashMap<>();
        lines.forEach((order, rows) -> products.put(order, rows.stream()
                .sorted(Comparator.comparing((TableRow r) -> r.integer("line_no"),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(r -> r.text("sku")).filter(java.util.Objects::nonNull).distinct()
                .collect(java.util.stream.Collectors.joining(" · "))));
        return products;
    }

    static String start(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.codePointCount(0, flat.length()) <= BODY_CHARS ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, BODY_CHARS)) + "…";
    }
}
