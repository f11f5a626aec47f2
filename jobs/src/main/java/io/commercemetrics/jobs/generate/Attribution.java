package io.commercemetrics.jobs.generate;

/**
 * The share an order is credited to, by the default rule of METRICS.md (share code first, else
 * the last click of the buyer within 30 days). The generator needs it to know what it owes.
 */
final class Attribution {

    static final long WINDOW_SECONDS = 30L * 86_400L;

    private Attribution() {
    }

    static Share credit(Shopper buyer, long orderSecond, Share shareCode) {
        if (shareCode != null) {
            return shareCode;
        }
        buyer.forgetClicksBefore(orderSecond - WINDOW_SECONDS);
        Shopper.Click best = null;
        for (Shopper.Click click : buyer.recentClicks) {
            if (click.epochSecond() <= orderSecond && (best == null
                    || click.epochSecond() > best.epochSecond()
                    || click.epochSecond() == best.epochSecond() && click.clickId().compareTo(best.clickId()) > 0)) {
                best = click;
            }
        }
        return best == null ? null : best.share();
    }
}
