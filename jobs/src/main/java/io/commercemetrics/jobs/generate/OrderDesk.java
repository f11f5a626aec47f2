package io.commercemetrics.jobs.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * Takes an order: draws its basket and amounts, writes its first row and lines, credits it to a
 * share, and lets its {@link OrderAftermath} schedule what happens to it next.
 */
final class OrderDesk {

    private static final long DAY = 86_400L;

    private final Simulation sim;
    private long placed;

    OrderDesk(Simulation sim) {
        this.sim = sim;
    }

    long placed() {
        return placed;
    }

    /** Schedules {@code buyer}'s order at {@code epochSecond}; nothing happens past the data end. */
    void schedule(Shopper buyer, long epochSecond, String channel, Share shareCode) {
        sim.timeline.at(epochSecond, Timeline.Kind.ORDER, () -> place(buyer, epochSecond, channel, shareCode));
    }

    private void place(Shopper buyer, long ts, String channel, Share shareCode) {
        Dice dice = sim.dice;
        boolean usd = buyer.paysInUsd();
        List<Catalog.Line> lines = sim.catalog.basket(dice, usd, shareCode == null ? null : shareCode.product());
        long[] nets = new long[lines.size()];
        long gross = 0;
        for (int i = 0; i < nets.length; i++) {
            nets[i] = lines.get(i).net();
            gross += nets[i];
        }
        LocalDate day = sim.calendar.localDate(ts);
        String coupon = coupon(buyer, gross, day, usd);
        long discount = couponValue(coupon);
        long nma = gross - discount;
        long shipping = usd ? (nma >= 4900 ? 0 : 699) : (nma >= 9900 ? 0 : dice.chance(0.85) ? 800 : 1200);
        // cross-border e-commerce tax, 9.1 % of the goods, half-up to the cent
        long tax = usd ? (nma * 91 + 500) / 1000 : 0;
        String orderId = sim.ids.order();
        placed++;
        boolean unpaid = dice.chance(0.08);
        long updated = ts + dice.between(30, 600);
        String[] row = {orderId, buyer.id, stamp(ts, usd), stamp(updated, usd), unpaid ? "placed" : "paid",
            usd ? "USD" : "CNY", ExportText.money(gross), amount(discount, usd), amount(shipping, usd),
            amount(tax, usd), channel, usd ? null : buyer.visitorId, shareCode == null ? null : shareCode.id(),
            coupon, usd ? "cm-global" : channel.equals("live_stream") ? "cm-live" : "cm-flagship"};
        sim.files.orders.write(row);
        for (int i = 0; i < lines.size(); i++) {
            Catalog.Line line = lines.get(i);
            sim.files.orderLines.write(orderId, Integer.toString(i + 1), line.product().sku(),
                    line.product().category(), Integer.toString(line.quantity()),
                    ExportText.money(line.unitPrice()), amount(line.lineDiscount(), usd));
        }
        buyer.lastProduct = lines.get(0).product();

        OrderAftermath aftermath = new OrderAftermath(sim, row, usd, buyer, lines, nma);
        boolean cancelled = aftermath.decideStatus(unpaid, ts, updated);
        Share credited = cancelled ? null : Attribution.credit(buyer, ts, shareCode);
        CommissionLedger.Accrual accrual = credited == null ? null
                : sim.ledger.accrue(credited, buyer, day, nma, nets);
        boolean refunded = !cancelled && aftermath.scheduleRefunds(accrual, ts);
        if (!cancelled) {
            aftermath.scheduleReview(refunded);
        }
        if (!usd && !cancelled && !unpaid && !refunded && credited == null) {
            sim.planter.rememberPlainOrder(row, lines.size(), lines.get(0).product().sku(), nma, ts);
        }
        sim.journey.afterOrder(buyer, ts);
    }

    private String coupon(Shopper buyer, long gross, LocalDate day, boolean usd) {
        Dice dice = sim.dice;
        if (usd) {
            return buyer.orders == 0 && gross >= 3000 && dice.chance(0.2) ? "WELCOME5" : null;
        }
        if (day.getMonthValue() == 11 && day.getDayOfMonth() == 11 && gross >= 30000 && dice.chance(0.6)) {
            return "D11-50";
        }
        if (buyer.orders == 0 && gross >= 9900 && dice.chance(0.25)) {
            return "WELCOME15";
        }
        return gross >= 19900 && dice.chance(0.12) ? "SAVE20" : null;
    }

    private static long couponValue(String coupon) {
        if (coupon == null) {
            return 0;
        }
        return switch (coupon) {
            case "D11-50" -> 5000;
            case "WELCOME15" -> 1500;
            case "SAVE20" -> 2000;
            case "WELCOME5" -> 500;
            default -> throw new IllegalStateException("unknown coupon " + coupon);
        };
    }

    /** The cross-border store leaves zero amounts empty (the default 0); the flagship writes 0.00. */
    private static String amount(long cents, boolean usd) {
        return usd && cents == 0 ? null : ExportText.money(cents);
    }

    /** The flagship exports in Shanghai time, the cross-border store in UTC. */
    static String stamp(long epochSecond, boolean usd) {
        return usd ? ExportText.timestamp(epochSecond, 0, true)
                : ExportText.timestamp(epochSecond, ShopCalendar.SHANGHAI_OFFSET_MINUTES, false);
    }

    static long days(double days) {
        return (long) (days * DAY);
    }
}
