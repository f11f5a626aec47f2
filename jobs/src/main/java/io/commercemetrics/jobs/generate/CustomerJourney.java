package io.commercemetrics.jobs.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the customers are and whether they come back: traditional buyers mostly buy once, socially
 * acquired ones return often, and a minority of loyal customers start sharing after their first order.
 */
final class CustomerJourney {

    private static final String[] TRADITIONAL_REPEAT = {"direct", "email", "search", "ads"};
    private static final double[] TRADITIONAL_WEIGHTS = {40, 30, 25, 5};
    private static final String[] SOCIAL_REPEAT = {"direct", "community", "live_stream", "email", "social_share"};
    private static final double[] SOCIAL_WEIGHTS = {35, 25, 20, 10, 10};

    private final Simulation sim;
    private final List<Shopper> domestic = new ArrayList<>();
    private long buyers;

    CustomerJourney(Simulation sim) {
        this.sim = sim;
    }

    Shopper newShopper(Shopper.Segment segment, Share acquiredThrough, String visitorId) {
        Shopper shopper = new Shopper(sim.ids.customer(), visitorId, segment, acquiredThrough);
        if (!shopper.paysInUsd()) {
            domestic.add(shopper);
        }
        return shopper;
    }

    /** A customer of the flagship, e.g. a logged-in visitor clicking a friend's link; null when none yet. */
    Shopper anyDomesticShopper() {
        return domestic.isEmpty() ? null : sim.dice.pick(domestic);
    }

    /** Distinct customers who placed at least one order. */
    long buyers() {
        return buyers;
    }

    void afterOrder(Shopper shopper, long ts) {
        Dice dice = sim.dice;
        shopper.orders++;
        if (shopper.orders == 1) {
            buyers++;
            double sharing = switch (shopper.segment) {
                // friends who came through a link pass links on more readily than live viewers
                case SOCIAL -> shopper.acquiredThrough != null ? 0.34 : 0.25;
                case TRADITIONAL -> 0.05;
                case CROSS_BORDER -> 0.0;
            };
            if (dice.chance(sharing)) {
                sim.social.startSharing(shopper, ts);
            }
        }
        // each further order is a little less likely than the one before
        double comeBack = Math.min(0.9, shopper.segment.comeBack * (shopper.sharer ? 1.35 : 1.0)
                * StrictMath.pow(0.88, shopper.orders - 1));
        if (!dice.chance(comeBack)) {
            return;
        }
        long next = ts + OrderDesk.days(2 + dice.exponential(shopper.segment.meanGapDays));
        if (!sim.timeline.withinData(next)) {
            return;
        }
        long moment = sim.calendar.momentOn(sim.calendar.localDate(next), dice);
        String channel = shopper.segment == Shopper.Segment.SOCIAL
                ? SOCIAL_REPEAT[dice.weighted(SOCIAL_WEIGHTS)]
                : TRADITIONAL_REPEAT[dice.weighted(TRADITIONAL_WEIGHTS)];
        sim.orders.schedule(shopper, Math.max(moment, ts + 3_600), channel, null);
    }
}
