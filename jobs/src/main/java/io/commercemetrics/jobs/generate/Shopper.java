package io.commercemetrics.jobs.generate;

import java.util.ArrayList;
import java.util.List;

/** A customer of the simulation and what the generator remembers about them. */
final class Shopper {

    /** How the customer first came, which drives how often they come back. */
    enum Segment {
        /** search, ads, direct or email: most of them buy once. */
        TRADITIONAL(0.22, 75),
        /** through a share, a live stream or a community group: loyal, come back often. */
        SOCIAL(0.52, 38),
        /** the cross-border store, paying in USD. */
        CROSS_BORDER(0.15, 90);

        final double comeBack;
        final double meanGapDays;

        Segment(double comeBack, double meanGapDays) {
            this.comeBack = comeBack;
            this.meanGapDays = meanGapDays;
        }
    }

    /** A visit through a share link that attribution may credit. */
    record Click(long epochSecond, String clickId, Share share) {
    }

    final String id;
    final String visitorId;
    final Segment segment;
    /** The share whose click brought this customer, or null. */
    final Share acquiredThrough;
    final List<Click> recentClicks = new ArrayList<>(2);
    int orders;
    int shares;
    boolean sharer;
    boolean heavySharer;
    Catalog.Product lastProduct;

    Shopper(String id, String visitorId, Segment segment, Share acquiredThrough) {
        this.id = id;
        this.visitorId = visitorId;
        this.segment = segment;
        this.acquiredThrough = acquiredThrough;
    }

    boolean paysInUsd() {
        return segment == Segment.CROSS_BORDER;
    }

    /** Forgets clicks too old to be credited for an order placed at {@code epochSecond} or later. */
    void forgetClicksBefore(long epochSecond) {
        recentClicks.removeIf(click -> click.epochSecond() < epochSecond);
    }
}
