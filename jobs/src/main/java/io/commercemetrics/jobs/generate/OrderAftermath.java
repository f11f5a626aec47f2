package io.commercemetrics.jobs.generate;

import io.commercemetrics.schemas.Sources;
import java.util.List;

/**
 * What happens to an order after it is placed, each as a row written when it happens: later
 * versions (paid, shipped, delivered, or cancelled), refunds (full or partial, some after the
 * commission hold has ended) and a review whose rating follows the experience.
 */
final class OrderAftermath {

    private static final String[] REASONS = {"damaged in transit", "wrong size", "not as described",
        "changed my mind", "late delivery", "missing item"};

    private static final int UPDATED_TS = Sources.ORDERS.indexOf("updated_ts");
    private static final int STATUS = Sources.ORDERS.indexOf("status");

    private final Simulation sim;
    private final String[] row;
    private final boolean usd;
    private final Shopper buyer;
    private final List<Catalog.Line> lines;
    private final long nma;
    private long deliveredAt;
    private boolean late;

    OrderAftermath(Simulation sim, String[] row, boolean usd, Shopper buyer, List<Catalog.Line> lines, long nma) {
        this.sim = sim;
        this.row = row;
        this.usd = usd;
        this.buyer = buyer;
        this.lines = lines;
        this.nma = nma;
    }

    /** @return true when the order ends cancelled within the data */
    boolean decideStatus(boolean unpaid, long placedAt, long firstUpdate) {
        Dice dice = sim.dice;
        if (dice.chance(unpaid ? 0.45 : 0.03)) {
            // a cancellation always arrives as a later version of the row
            return version(placedAt + dice.between(3_600, unpaid ? 86_400 : 2 * 86_400), "cancelled");
        }
        long paidAt = firstUpdate;
        if (unpaid) {
            paidAt += dice.between(300, 7_200);
            version(paidAt, "paid");
        }
        long shippedAt = paidAt + dice.between(12 * 3_600, 3 * 86_400);
        late = dice.chance(0.05);
        deliveredAt = shippedAt + OrderDesk.days(late ? dice.uniform(9, 14) : dice.uniform(1, 4));
        // the export only shows some status changes as new rows, as a daily snapshot diff would
        if (dice.chance(0.2)) {
            version(shippedAt, "shipped");
        }
        if (dice.chance(0.35)) {
            version(deliveredAt, "delivered");
        }
        return false;
    }

    private boolean version(long at, String status) {
        String[] next = row.clone();
        next[UPDATED_TS] = OrderDesk.stamp(at, usd);
        next[STATUS] = status;
        return sim.timeline.at(at, Timeline.Kind.UPDATE, () -> sim.files.orders.write(next));
    }

    /** @return true when at least one refund falls within the data */
    boolean scheduleRefunds(CommissionLedger.Accrual accrual, long placedAt) {
        Dice dice = sim.dice;
        if (!dice.chance(late ? 0.4 : 0.06)) {
            return false;
        }
        long at = deliveredAt + OrderDesk.days(dice.uniform(0.5, 22));
        boolean full = dice.chance(0.4);
        long first = full ? nma : partial(dice);
        boolean any = refund(accrual, at, first, full ? "not as described" : dice.pick(REASONS));
        if (!full && dice.chance(0.2)) {
            long rest = nma - first;
            long second = Math.max(1, rest * dice.between(20, 100) / 100);
            any |= refund(accrual, at + OrderDesk.days(dice.uniform(1, 10)), second, "missing item");
        }
        return any;
    }

    // one line's share of the NMA, or a goodwill part of a single-line order; never the whole NMA
    private long partial(Dice dice) {
        long gross = 0;
        for (Catalog.Line line : lines) {
            gross += line.net();
        }
        long amount = lines.size() > 1
                ? (dice.pick(lines).net() * nma * 2 + gross) / (2 * gross)
                : nma * dice.between(10, 50) / 100;
        return Math.max(1, Math.min(amount, nma - 1));
    }

    private boolean refund(CommissionLedger.Accrual accrual, long at, long amount, String reason) {
        boolean inData = sim.timeline.at(at, Timeline.Kind.UPDATE, () -> sim.files.refunds.write(
                sim.ids.refund(), row[0], OrderDesk.stamp(at, usd), row[5], ExportText.money(amount), reason));
        if (inData && accrual != null) {
            sim.ledger.refund(accrual, sim.calendar.localDate(at), amount);
        }
        return inData;
    }

    void scheduleReview(boolean refunded) {
        Dice dice = sim.dice;
        if (!dice.chance(buyer.segment == Shopper.Segment.SOCIAL ? 0.4 : 0.28)) {
            return;
        }
        long at = deliveredAt + OrderDesk.days(dice.uniform(0.3, 14));
        int rating = ReviewTexts.rating(late || refunded, dice);
        ReviewTexts.Text text = ReviewTexts.forRating(rating, dice);
        String sku = dice.pick(lines).product().sku();
        sim.timeline.at(at, Timeline.Kind.UPDATE, () -> sim.files.reviews.write(sim.ids.review(), row[0], buyer.id,
                sku, Integer.toString(rating), OrderDesk.stamp(at, usd), text.title(), text.body()));
    }
}
