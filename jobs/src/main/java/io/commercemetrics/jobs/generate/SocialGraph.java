package io.commercemetrics.jobs.generate;

/**
 * The social side: loyal customers share product links, friends click them (anonymously or
 * logged in), some buy, some pass the link on (re-share chains up to depth 4), a few heavy
 * sharers drive most of it, and now and then a sharer buys through their own link.
 */
final class SocialGraph {

    static final int MAX_DEPTH = 4;
    private static final String[] PLATFORMS = {"wechat", "xiaohongshu", "douyin", "weibo", "qq"};
    private static final double[] PLATFORM_WEIGHTS = {45, 20, 18, 12, 5};

    private final Simulation sim;
    private Share lastShare;

    SocialGraph(Simulation sim) {
        this.sim = sim;
    }

    Share lastShare() {
        return lastShare;
    }

    void startSharing(Shopper shopper, long firstOrderAt) {
        shopper.sharer = true;
        shopper.heavySharer = sim.dice.chance(0.08);
        scheduleShare(shopper, firstOrderAt + OrderDesk.days(1 + sim.dice.exponential(4)));
    }

    private void scheduleShare(Shopper sharer, long at) {
        sim.timeline.at(at, Timeline.Kind.SHARE, () -> share(sharer, at));
    }

    private void share(Shopper sharer, long ts) {
        Dice dice = sim.dice;
        Share parent = null;
        if (sharer.shares == 0 && sharer.acquiredThrough != null && dice.chance(0.75)) {
            parent = sharer.acquiredThrough;
        } else if (!sharer.recentClicks.isEmpty() && dice.chance(0.4)) {
            parent = sharer.recentClicks.get(sharer.recentClicks.size() - 1).share();
        }
        if (parent != null && (parent.depth() >= MAX_DEPTH || parent.sharer() == sharer)) {
            parent = null;
        }
        Catalog.Product product = sharer.lastProduct != null && dice.chance(0.7)
                ? sharer.lastProduct : sim.catalog.pickAny(dice);
        Share share = new Share(sim.ids.share(), sharer, parent, parent == null ? 1 : parent.depth() + 1, ts, product);
        sharer.shares++;
        lastShare = share;
        sim.files.shares.write(share.id(), sharer.id, parent == null ? null : parent.id(), product.sku(),
                PLATFORMS[dice.weighted(PLATFORM_WEIGHTS)],
                ExportText.timestamp(ts, ShopCalendar.SHANGHAI_OFFSET_MINUTES, false));

        int clicks = 1 + dice.geometric(sharer.heavySharer ? 12 : 2.5);
        for (int i = 0; i < clicks; i++) {
            long at = ts + 60 + (long) Math.min(dice.exponential(8 * 3_600), 6 * 86_400);
            sim.timeline.at(at, Timeline.Kind.CLICK, () -> click(share, at));
        }
        if (dice.chance(0.03)) {
            // "buy through your own link": a self-referral
            sim.orders.schedule(sharer, ts + dice.between(600, 2 * 86_400), "social_share", share);
        }
        if (dice.chance(sharer.heavySharer ? 0.97 : 0.86)) {
            scheduleShare(sharer, ts + OrderDesk.days(0.2 + dice.exponential(sharer.heavySharer ? 5 : 28)));
        }
    }

    private void click(Share share, long ts) {
        Dice dice = sim.dice;
        String clickId = sim.ids.click();
        String stamp = ExportText.timestamp(ts, ShopCalendar.SHANGHAI_OFFSET_MINUTES, false);
        Shopper known = dice.chance(0.72) ? null : sim.journey.anyDomesticShopper();
        if (known == null) {
            String visitor = sim.ids.visitor();
            sim.files.shareClicks.write(clickId, share.id(), visitor, null, stamp);
            if (dice.chance(sim.newCustomerPerClick)) {
                Shopper newcomer = sim.journey.newShopper(Shopper.Segment.SOCIAL, share, visitor);
                newcomer.recentClicks.add(new Shopper.Click(ts, clickId, share));
                Share code = dice.chance(0.6) ? share : null;
                String channel = code != null || dice.chance(0.8) ? "social_share" : "direct";
                long at = ts + 300 + (long) Math.min(dice.exponential(6 * 3_600), 3 * 86_400);
                sim.orders.schedule(newcomer, at, channel, code);
            }
            return;
        }
        sim.files.shareClicks.write(clickId, share.id(), known.visitorId, known.id, stamp);
        known.recentClicks.add(new Shopper.Click(ts, clickId, share));
        if (dice.chance(0.12)) {
            Share code = dice.chance(0.4) ? share : null;
            sim.orders.schedule(known, ts + dice.between(600, 86_400), dice.chance(0.5) ? "social_share" : "direct", code);
        }
    }
}
