package io.commercemetrics.schemas;

import static io.commercemetrics.schemas.Check.above;
import static io.commercemetrics.schemas.Check.atLeast;
import static io.commercemetrics.schemas.Check.atMost;
import static io.commercemetrics.schemas.Check.oneOf;
import static io.commercemetrics.schemas.Field.optional;
import static io.commercemetrics.schemas.Field.required;
import static io.commercemetrics.schemas.Field.withDefault;
import static io.commercemetrics.schemas.FieldType.DATE;
import static io.commercemetrics.schemas.FieldType.DECIMAL;
import static io.commercemetrics.schemas.FieldType.INT;
import static io.commercemetrics.schemas.FieldType.STRING;
import static io.commercemetrics.schemas.FieldType.TIMESTAMP;

import java.util.List;
import java.util.Optional;

/** The input exports, exactly as {@code docs/inputs.md} documents them (checked by SpecContractTest). */
public final class Sources {

    private static final Check CURRENCY = new Check.CurrencyCode();

    public static final List<String> ORDER_STATUSES =
            List.of("placed", "paid", "shipped", "delivered", "cancelled");

    public static final TableSchema ORDERS = new TableSchema("orders", List.of(
            required("order_id", STRING, "unique per order; a repeated id is a newer version"),
            required("customer_id", STRING, "the buyer"),
            required("order_ts", TIMESTAMP, "when the order was placed"),
            optional("updated_ts", TIMESTAMP, "when this version of the row was written"),
            required("status", STRING, "placed, paid, shipped, delivered, cancelled",
                    oneOf(ORDER_STATUSES.toArray(String[]::new))),
            required("currency", STRING, "ISO 4217", CURRENCY),
            required("gross_amount", DECIMAL, "merchandise total before discounts", atLeast(0)),
            withDefault("discount_amount", DECIMAL, "0", "must not exceed gross_amount", atLeast(0)),
            withDefault("shipping_amount", DECIMAL, "0", "never revenue", atLeast(0)),
            withDefault("tax_amount", DECIMAL, "0", "never revenue", atLeast(0)),
            required("channel", STRING, "the touchpoint that brought the order"),
            optional("visitor_id", STRING, "anonymous visitor id of the buying session"),
            optional("share_code", STRING, "the share link captured at checkout"),
            optional("coupon_code", STRING, ""),
            optional("store_id", STRING, "merchant or store")),
            List.of());

    public static final TableSchema ORDER_LINES = new TableSchema("order_lines", List.of(
            required("order_id", STRING, "must exist in orders"),
            required("line_no", INT, "unique within the order", atLeast(1)),
            required("sku", STRING, ""),
            optional("category", STRING, "drives category commission rates"),
            required("quantity", INT, "", atLeast(1)),
            required("unit_price", DECIMAL, "", atLeast(0)),
            withDefault("line_discount", DECIMAL, "0", "", atLeast(0))),
            List.of("order_id", "line_no"));

    public static final TableSchema REFUNDS = new TableSchema("refunds", List.of(
            required("refund_id", STRING, "unique"),
            required("order_id", STRING, "must exist in orders"),
            required("refund_ts", TIMESTAMP, ""),
            required("currency", STRING, "must equal the order's currency", CURRENCY),
            required("amount", DECIMAL, "merchandise amount refunded", above(0)),
            optional("reason", STRING, "")),
            List.of("refund_id"));

    public static final TableSchema SHARES = new TableSchema("shares", List.of(
            required("share_id", STRING, "unique; the code carried in the link"),
            required("sharer_id", STRING, "the customer who shared"),
            optional("parent_share_id", STRING, "the share this one passes on (re-share)"),
            optional("sku", STRING, "the product shared"),
            optional("platform", STRING, "wechat, weibo, douyin, ..."),
            required("share_ts", TIMESTAMP, "")),
            List.of("share_id"));

    public static final TableSchema SHARE_CLICKS = new TableSchema("share_clicks", List.of(
            required("click_id", STRING, "unique"),
            required("share_id", STRING, ""),
            required("visitor_id", STRING, "anonymous id of the visiting browser or device"),
            optional("customer_id", STRING, "set when the visitor was logged in"),
            required("click_ts", TIMESTAMP, "")),
            List.of("click_id"));

    public static final TableSchema REVIEWS = new TableSchema("reviews", List.of(
            required("review_id", STRING, "unique"),
            required("order_id", STRING, ""),
            required("customer_id", STRING, ""),
            optional("sku", STRING, ""),
            required("rating", INT, "1..5", atLeast(1), atMost(5)),
            required("review_ts", TIMESTAMP, ""),
            optional("title", STRING, "free text, any language"),
            optional("body", STRING, "free text, may hold newlines and quotes")),
            List.of("review_id"));

    public static final TableSchema TRAFFIC = new TableSchema("traffic", List.of(
            required("date", DATE, "in the reporting time zone"),
            required("channel", STRING, "same words as orders.channel"),
            optional("campaign", STRING, ""),
            required("visits", INT, "sessions that landed through this channel", atLeast(0)),
            required("spend", DECIMAL, "money paid for that traffic", atLeast(0)),
            required("currency", STRING, "ISO 4217", CURRENCY)),
            List.of());

    public static final TableSchema PAYOUTS = new TableSchema("payouts", List.of(
            required("payout_id", STRING, "unique"),
            required("sharer_id", STRING, ""),
            required("period", STRING, "the statement month the payout settles", new Check.YearMonth()),
            required("amount", DECIMAL, "may be negative for a recovered overpayment"),
            required("currency", STRING, "ISO 4217", CURRENCY),
            required("paid_ts", TIMESTAMP, ""),
            optional("reference", STRING, "bank or wallet reference")),
            List.of("payout_id"));

    public static final TableSchema FX_RATES = new TableSchema("fx_rates", List.of(
            required("date", DATE, ""),
            required("currency", STRING, "ISO 4217", CURRENCY),
            required("rate_to_reporting", DECIMAL, "reporting-currency units for one unit", above(0))),
            List.of("date", "currency"));

    /** Every source, in the order ingest runs them (orders first: other checks depend on it). */
    public static final List<TableSchema> ALL = List.of(
            ORDERS, ORDER_LINES, REFUNDS, SHARES, SHARE_CLICKS, REVIEWS, TRAFFIC, PAYOUTS, FX_RATES);

    private Sources() {
    }

    public static Optional<TableSchema> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
