package io.commercemetrics.jobs.generate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One generation's world: the parts of the shop and the clock they share. Days are opened in
 * order (rates, traffic, new customers), then everything due that day runs in time order, so
 * every file comes out sorted by time as a real export would.
 */
final class Simulation {

    final GeneratorSettings settings;
    final ExportFiles files;
    final Dice dice;
    final ShopCalendar calendar;
    final Timeline timeline;
    final IdIssuer ids = new IdIssuer();
    final Catalog catalog;
    final CommissionLedger ledger;
    final BadRowPlanter planter;
    final OrderDesk orders;
    final CustomerJourney journey;
    final SocialGraph social;
    final TrafficDesk traffic;
    final FxDesk fx;
    /** How often an anonymous click on a share brings a new customer. */
    final double newCustomerPerClick = 0.075;

    Simulation(GeneratorSettings settings, ExportFiles files) {
        this.settings = settings;
        this.files = files;
        this.dice = new Dice(settings.seed());
        this.calendar = new ShopCalendar(settings.startDate(), settings.endDate());
        this.timeline = new Timeline(calendar.midnight(settings.endDate().plusDays(1)));
        this.catalog = new Catalog(dice);
        this.ledger = new CommissionLedger(settings.endDate());
        this.planter = new BadRowPlanter(this);
        this.orders = new OrderDesk(this);
        this.journey = new CustomerJourney(this);
        this.social = new SocialGraph(this);
        this.traffic = new TrafficDesk(this);
        this.fx = new FxDesk(this);
    }

    void run() {
        planter.plantOrderBeforeFirstRate();
        for (int i = 0; i < calendar.days(); i++) {
            LocalDate day = calendar.day(i);
            fx.publish(day);
            traffic.open(day);
            timeline.runUntil(calendar.midnight(day.plusDays(1)));
            planter.plantDue(i);
            if (day.equals(YearMonth.from(day).atEndOfMonth())) {
                settings.progress().accept("generated " + YearMonth.from(day) + ": " + orders.placed() + " orders, "
                        + journey.buyers() + " customers so far");
            }
        }
        new PayoutRun(calendar, ids, files.payouts, planter).pay(ledger.payableBySharer());
    }

    long customers() {
        // the cross-border test order before the first rate has a customer of its own
        return journey.buyers() + 1;
    }

    long orderCount() {
        return orders.placed() + 1;
    }
}
