package io.commercemetrics.jobs.generate;

/** The kinds of deliberately broken rows DATA.md names, each of which ingest must quarantine. */
public enum BadRowKind {
    MISSING_REQUIRED("a required value is empty"),
    BAD_NUMBER("a number with a thousands separator or a leading space"),
    BAD_DATE("an impossible date (2026-02-30)"),
    UNKNOWN_STATUS("an order status outside the list"),
    NEGATIVE_AMOUNT("an amount below zero where it must not be"),
    DISCOUNT_ABOVE_GROSS("an order discount larger than its gross amount"),
    DUPLICATE_ID("a unique id (or key) seen again in a later row"),
    ORPHAN_ORDER_LINE("an order line whose order is not in orders"),
    REFUND_UNKNOWN_ORDER("a refund of an order that is not in orders"),
    REFUND_ABOVE_NMA("a refund that takes the order's refunds above its net merchandise amount"),
    REFUND_OTHER_CURRENCY("a refund in a currency other than its order's"),
    SHARE_PARENT_LOOP("a share on a parent chain that loops"),
    MISSING_FX_RATE("a USD order dated before the first USD rate"),
    RATING_OUT_OF_RANGE("a rating of 6"),
    INTEGER_WITH_FRACTION("an integer written as 4.0");

    private final String meaning;

    BadRowKind(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
