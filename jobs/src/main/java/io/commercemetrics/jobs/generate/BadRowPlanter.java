package io.commercemetrics.jobs.generate;

import static io.commercemetrics.jobs.generate.BadRowKind.*;

import io.commercemetrics.schemas.Sources;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the handful of broken rows every kind of DATA.md names, spread over the period, and
 * remembers where each one landed. They never disturb the story: a broken order row is an extra,
 * newer version of an order that is otherwise fine (the valid version stands), and the rest are
 * extra rows about orders no share is credited with.
 */
final class BadRowPlanter {

    /** An order of the flagship, counted, never refunded and credited to no share. */
    record PlainOrder(String[] row, int lines, String firstSku, long nma, long epochSecond) {
    }

    private enum Plan {
        ORDER_MISSING_CUSTOMER, LINE_ORPHAN, REFUND_DUPLICATE, SHARE_LOOP, CLICK_DUPLICATE, REVIEW_RATING_6,
        TRAFFIC_BAD_SPEND, ORDER_BAD_GROSS, LINE_DUPLICATE, REFUND_UNKNOWN_ORDER, SHARE_DUPLICATE, FX_DUPLICATE,
        ORDER_BAD_DATE, REVIEW_RATING_4_0, LINE_BAD_PRICE, REFUND_ABOVE_NMA, CLICK_BAD_DATE, ORDER_UNKNOWN_STATUS,
        SHARE_MISSING_SHARER, REFUND_OTHER_CURRENCY, TRAFFIC_BAD_DATE, ORDER_NEGATIVE_SHIPPING, REVIEW_DUPLICATE,
        REFUND_NEGATIVE, FX_BAD_DATE, ORDER_DISCOUNT_ABOVE_GROSS, REFUND_BAD_AMOUNT
    }

    static final String IMPOSSIBLE_DATE = "2026-02-30";

    private final Simulation sim;
    private final List<PlantedBadRow> planted = new ArrayList<>();
    private final List<Plan> pending = new ArrayList<>(List.of(Plan.values()));
    private PlainOrder plain;

    BadRowPlanter(Simulation sim) {
        this.sim = sim;
    }

    List<PlantedBadRow> planted() {
        return planted;
    }

    void rememberPlainOrder(String[] row, int lines, String firstSku, long nma, long epochSecond) {
        plain = new PlainOrder(row, lines, firstSku, nma, epochSecond);
    }

    /** A cross-border test order two days before the first USD rate: it has no rate to convert at. */
    void plantOrderBeforeFirstRate() {
        LocalDate day = sim.calendar.start().minusDays(2);
        long at = sim.calendar.midnight(day) + 15 * 3_600 + 1_234;
        String customer = sim.ids.customer();
        plant(sim.files.orders, new String[] {sim.ids.order(), customer, OrderDesk.stamp(at, true),
            OrderDesk.stamp(at + 240, true), "paid", "USD", "59.99", null, null, "5.46", "ads", null, null, null,
            "cm-global"}, MISSING_FX_RATE, "currency");
    }

    /** Plants what is due by day {@code dayIndex} of the period (the rest wait for what they need). */
    void plantDue(int dayIndex) {
        int total = Plan.values().length;
        long at = sim.calendar.midnight(sim.calendar.day(dayIndex)) + 23 * 3_600 + 59 * 60;
        for (int i = 0; i < pending.size(); ) {
            Plan plan = pending.get(i);
            int dueDay = (plan.ordinal() + 1) * (sim.calendar.days() - 1) / (total + 1);
            if (dueDay <= dayIndex && plant(plan, at + plan.ordinal() % 50)) {
                pending.remove(i);
            } else {
                i++;
            }
        }
    }

    private boolean plant(Plan plan, long at) {
        ExportFiles files = sim.files;
        if (needsPlainOrder(plan) && plain == null) {
            return false;
        }
        String stamp = ExportText.timestamp(Math.max(at, plain == null ? at : plain.epochSecond() + 600),
                ShopCalendar.SHANGHAI_OFFSET_MINUTES, false);
        switch (plan) {
            case ORDER_MISSING_CUSTOMER -> orderVersion(stamp, "customer_id", "", MISSING_REQUIRED);
            case ORDER_BAD_GROSS -> orderVersion(stamp, "gross_amount", "1,234.50", BAD_NUMBER);
            case ORDER_BAD_DATE -> orderVersion(stamp, "order_ts",
                    IMPOSSIBLE_DATE + plain.row()[Sources.ORDERS.indexOf("order_ts")].substring(10), BAD_DATE);
            case ORDER_UNKNOWN_STATUS -> orderVersion(stamp, "status", "returned", UNKNOWN_STATUS);
            case ORDER_NEGATIVE_SHIPPING -> orderVersion(stamp, "shipping_amount", "-8.00", NEGATIVE_AMOUNT);
            case ORDER_DISCOUNT_ABOVE_GROSS -> orderVersion(stamp, "discount_amount",
                    ExportText.money(grossOf(plain) + 2_000), DISCOUNT_ABOVE_GROSS);
            case LINE_ORPHAN -> plant(files.orderLines, new String[] {sim.ids.order(), "1", "HOM-1007", "home", "1",
                "29.00", "0.00"}, ORPHAN_ORDER_LINE, "order_id");
            case LINE_DUPLICATE -> {
                return files.orderLines.rows() > 0 && duplicateOfLast(files.orderLines, "order_id", "line_no");
            }
            case LINE_BAD_PRICE -> plant(files.orderLines, new String[] {plain.row()[0], Integer.toString(plain.lines() + 1),
                "FOO-1014", "food", "1", " 12.00", "0.00"}, BAD_NUMBER, "unit_price");
            case REFUND_DUPLICATE -> {
                return files.refunds.rows() > 0 && duplicateOfLast(files.refunds, "refund_id");
            }
            case REFUND_UNKNOWN_ORDER -> refund(sim.ids.order(), stamp, "CNY", "45.00", REFUND_UNKNOWN_ORDER, "order_id");
            case REFUND_ABOVE_NMA -> refund(plain.row()[0], stamp, "CNY", ExportText.money(plain.nma() + 1_000),
                    REFUND_ABOVE_NMA, "amount");
            case REFUND_OTHER_CURRENCY -> refund(plain.row()[0], stamp, "USD", "5.00", REFUND_OTHER_CURRENCY, "currency");
            case REFUND_NEGATIVE -> refund(plain.row()[0], stamp, "CNY", "-15.00", NEGATIVE_AMOUNT, "amount");
            case REFUND_BAD_AMOUNT -> refund(plain.row()[0], stamp, "CNY", " 12.00", BAD_NUMBER, "amount");
            case SHARE_DUPLICATE -> {
                return files.shares.rows() > 0 && duplicateOfLast(files.shares, "share_id");
            }
            case SHARE_LOOP -> {
                return shareLoop(stamp);
            }
            case SHARE_MISSING_SHARER -> plant(files.shares, new String[] {sim.ids.share(), "", null, "BEA-1021",
                "wechat", stamp}, MISSING_REQUIRED, "sharer_id");
            case CLICK_DUPLICATE -> {
                return files.shareClicks.rows() > 0 && duplicateOfLast(files.shareClicks, "click_id");
            }
            case CLICK_BAD_DATE -> {
                if (sim.social.lastShare() == null) {
                    return false;
                }
                plant(files.shareClicks, new String[] {sim.ids.click(), sim.social.lastShare().id(), sim.ids.visitor(),
                    null, IMPOSSIBLE_DATE + stamp.substring(10)}, BAD_DATE, "click_ts");
            }
            case REVIEW_RATING_6 -> review(stamp, "6", RATING_OUT_OF_RANGE);
            case REVIEW_RATING_4_0 -> review(stamp, "4.0", INTEGER_WITH_FRACTION);
            case REVIEW_DUPLICATE -> {
                return files.reviews.rows() > 0 && duplicateOfLast(files.reviews, "review_id");
            }
            case TRAFFIC_BAD_SPEND -> plant(files.traffic, new String[] {stamp.substring(0, 10), "ads", "douyin-search",
                "1893", "1,234.50", "CNY"}, BAD_NUMBER, "spend");
            case TRAFFIC_BAD_DATE -> plant(files.traffic, new String[] {IMPOSSIBLE_DATE, "search", "baidu-brand", "310",
                "642.80", "CNY"}, BAD_DATE, "date");
            case FX_DUPLICATE -> duplicateOfLast(files.fxRates, "date", "currency");
            case FX_BAD_DATE -> plant(files.fxRates, new String[] {IMPOSSIBLE_DATE, "USD", "7.2150"}, BAD_DATE, "date");
            default -> throw new IllegalStateException("no plan for " + plan);
        }
        return true;
    }

    private static boolean needsPlainOrder(Plan plan) {
        return switch (plan) {
            case LINE_ORPHAN, LINE_DUPLICATE, REFUND_DUPLICATE, REFUND_UNKNOWN_ORDER, SHARE_DUPLICATE, SHARE_LOOP,
                 SHARE_MISSING_SHARER, CLICK_DUPLICATE, CLICK_BAD_DATE, REVIEW_DUPLICATE, TRAFFIC_BAD_SPEND,
                 TRAFFIC_BAD_DATE, FX_DUPLICATE, FX_BAD_DATE -> false;
            default -> true;
        };
    }

    private void orderVersion(String stamp, String column, String value, BadRowKind kind) {
        String[] row = plain.row().clone();
        row[Sources.ORDERS.indexOf("updated_ts")] = stamp;
        row[Sources.ORDERS.indexOf(column)] = value;
        plant(sim.files.orders, row, kind, column);
    }

    private void refund(String orderId, String stamp, String currency, String amount, BadRowKind kind, String column) {
        plant(sim.files.refunds, new String[] {sim.ids.refund(), orderId, stamp, currency, amount, "changed my mind"},
                kind, column);
    }

    private void review(String stamp, String rating, BadRowKind kind) {
        plant(sim.files.reviews, new String[] {sim.ids.review(), plain.row()[0], plain.row()[1], plain.firstSku(),
            rating, stamp, "不错", "还行，下次再买"}, kind, "rating");
    }

    // three shares that name each other as parents: a loop no walk up the chain can finish
    private boolean shareLoop(String stamp) {
        Share seen = sim.social.lastShare();
        if (seen == null) {
            return false;
        }
        String[] ids = {sim.ids.share(), sim.ids.share(), sim.ids.share()};
        for (int i = 0; i < ids.length; i++) {
            plant(sim.files.shares, new String[] {ids[i], seen.sharer().id, ids[(i + 2) % 3], seen.product().sku(),
                "weibo", stamp}, SHARE_PARENT_LOOP, "parent_share_id");
        }
        return true;
    }

    private static long grossOf(PlainOrder order) {
        String gross = order.row()[Sources.ORDERS.indexOf("gross_amount")];
        return Long.parseLong(gross.replace(".", ""));
    }

    /** Writes the last record of {@code file} again: its key repeats. */
    boolean duplicateOfLast(CsvExportFile file, String... keyColumns) {
        String[] row = file.lastRow();
        long line = file.write(row);
        StringBuilder value = new StringBuilder();
        for (String column : keyColumns) {
            value.append(value.length() == 0 ? "" : "+").append(row[file.source().indexOf(column)]);
        }
        planted.add(new PlantedBadRow(file.fileName(), line, DUPLICATE_ID, String.join("+", keyColumns), value.toString()));
        return true;
    }

    void plant(CsvExportFile file, String[] row, BadRowKind kind, String column) {
        long line = file.write(row);
        String value = row[file.source().indexOf(column)];
        planted.add(new PlantedBadRow(file.fileName(), line, kind, column, value == null ? "" : value));
    }
}
