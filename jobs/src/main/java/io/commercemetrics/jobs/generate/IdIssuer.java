package io.commercemetrics.jobs.generate;

/**
 * Issues every identifier of a generation from counters, so ids follow the order things
 * happened in and never depend on anything but the seed's draws.
 */
final class IdIssuer {

    private long customers;
    private long visitors;
    private long orders;
    private long refunds;
    private long shares;
    private long clicks;
    private long reviews;
    private long payouts;

    String customer() {
        return ExportText.id("C", ++customers, 7);
    }

    /** Visitor cookies look random, as a storefront's do. */
    String visitor() {
        return "v" + ExportText.code(++visitors + 7_000_000L, 7);
    }

    String order() {
        return ExportText.id("SO", ++orders, 9);
    }

    String refund() {
        return ExportText.id("RF", ++refunds, 8);
    }

    /** The code carried in a share link. */
    String share() {
        return ExportText.code(++shares, 7);
    }

    String click() {
        return ExportText.id("CK", ++clicks, 9);
    }

    String review() {
        return ExportText.id("RV", ++reviews, 8);
    }

    String payout() {
        return ExportText.id("PO", ++payouts, 7);
    }
}
