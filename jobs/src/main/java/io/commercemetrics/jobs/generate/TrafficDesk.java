package io.commercemetrics.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The paid and organic side: each day, every campaign gets visits and spend (one traffic row),
 * and a few percent of its visitors become new customers who order that day.
 */
final class TrafficDesk {

    /**
     * One traffic line of the shop.
     *
     * @param cpcFrom    cost per visit in cents, lower bound (0 with {@code flatFrom} for a flat daily fee)
     * @param flatFrom   instead of a cost per visit, a fee per day (email service, live host) in cents
     *                   per new customer expected that day, so the fee grows with the shop
     * @param share      its share of its segment's new customers
     * @param conversion new customers per visit
     */
    record Campaign(String channel, String campaign, String currency, Shopper.Segment segment,
                    long cpcFrom, long cpcTo, long flatFrom, long flatTo, double share, double conversion) {
    }

    // Of all customers in the period: traditional about 69 %, cross-border 7.5 %, live and community
    // 6.5 %; the rest (about a sixth) come through share links, see SocialGraph.
    private static final double TRADITIONAL = 0.69;
    private static final double CROSS_BORDER = 0.075;
    private static final double LIVE_AND_COMMUNITY = 0.065;

    static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign("search", "baidu-brand", "CNY", Shopper.Segment.TRADITIONAL, 180, 260, 0, 0, 0.16, 0.045),
            new Campaign("search", "baidu-generic", "CNY", Shopper.Segment.TRADITIONAL, 90, 160, 0, 0, 0.14, 0.018),
            new Campaign("search", null, "CNY", Shopper.Segment.TRADITIONAL, 0, 0, 0, 0, 0.14, 0.030),
            new Campaign("ads", "douyin-feed", "CNY", Shopper.Segment.TRADITIONAL, 50, 90, 0, 0, 0.16, 0.012),
            new Campaign("ads", "tencent-moments", "CNY", Shopper.Segment.TRADITIONAL, 60, 110, 0, 0, 0.10, 0.014),
            new Campaign("direct", null, "CNY", Shopper.Segment.TRADITIONAL, 0, 0, 0, 0, 0.18, 0.035),
            new Campaign("email", "newsletter", "CNY", Shopper.Segment.TRADITIONAL, 0, 0, 600, 1500, 0.12, 0.050),
            new Campaign("ads", "google-shopping-us", "USD", Shopper.Segment.CROSS_BORDER, 45, 80, 0, 0, 0.6, 0.020),
            new Campaign("search", "google-search-us", "USD", Shopper.Segment.CROSS_BORDER, 60, 120, 0, 0, 0.4, 0.030),
            new Campaign("live_stream", "live-weekly", "CNY", Shopper.Segment.SOCIAL, 0, 0, 5000, 9000, 0.55, 0.020),
            new Campaign("community", "wechat-groups", "CNY", Shopper.Segment.SOCIAL, 0, 0, 0, 0, 0.45, 0.030));

    private final Simulation sim;

    TrafficDesk(Simulation sim) {
        this.sim = sim;
    }

    /** Writes the day's traffic rows and schedules the orders of its new customers. */
    void open(LocalDate day) {
        Dice dice = sim.dice;
        String date = ExportText.date(day);
        double demand = sim.calendar.relativeDemand(day);
        for (Campaign campaign : CAMPAIGNS) {
            boolean live = campaign.channel().equals("live_stream");
            if (live && !isLiveDay(day)) {
                continue;
            }
            double expected = newCustomersPerDay(campaign.segment()) * campaign.share() * demand * (live ? 7.0 / 3 : 1);
            int visits = (int) Math.round(expected / campaign.conversion() * dice.uniform(0.85, 1.15));
            long spend = campaign.flatTo() > 0
                    ? Math.round(expected * dice.between(campaign.flatFrom(), campaign.flatTo()))
                    : visits * (campaign.cpcTo() == 0 ? 0 : dice.between(campaign.cpcFrom(), campaign.cpcTo()));
            sim.files.traffic.write(date, campaign.channel(), campaign.campaign(), Integer.toString(visits),
                    ExportText.money(spend), campaign.currency());
            int arrivals = dice.poisson(visits * campaign.conversion());
            for (int i = 0; i < arrivals; i++) {
                Shopper shopper = sim.journey.newShopper(campaign.segment(), null, sim.ids.visitor());
                // live shows run 20:00-22:00; everything else follows the day's rhythm
                long at = live ? sim.calendar.midnight(day) + 20 * 3_600 + dice.between(0, 7_199)
                        : sim.calendar.momentOn(day, dice);
                sim.orders.schedule(shopper, at, campaign.channel(), null);
            }
        }
    }

    private double newCustomersPerDay(Shopper.Segment segment) {
        double fraction = switch (segment) {
            case TRADITIONAL -> TRADITIONAL;
            case CROSS_BORDER -> CROSS_BORDER;
            case SOCIAL -> LIVE_AND_COMMUNITY;
        };
        return sim.settings.customers() * fraction / sim.calendar.days();
    }

    private static boolean isLiveDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.TUESDAY || weekday == DayOfWeek.THURSDAY || weekday == DayOfWeek.SATURDAY;
    }
}
