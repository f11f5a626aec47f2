package io.commercemetrics.jobs.ingest.platform;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Shopify's orders export (Admin → Orders → Export, CSV): one row per line item, the order's own
 * fields only on its first row. Feeds orders, order_lines and refunds; every mapping decision is
 * in docs/inputs.md, "Platform exports".
 */
public final class ShopifyOrdersExport implements PlatformFormat {

    @Override
    public String name() {
        return "shopify-orders";
    }

    @Override
    public List<List<String>> signature() {
        return List.of(List.of("Name"), List.of("Email"), List.of("Financial Status"), List.of("Paid at"),
                List.of("Currency"), List.of("Subtotal"), List.of("Created at"), List.of("Lineitem quantity"),
                List.of("Lineitem name"), List.of("Lineitem price"));
    }

    @Override
    public List<String> sources() {
        return List.of("orders", "order_lines", "refunds");
    }

    @Override
    public Set<String> personalColumns() {
        return Set.of("Email", "Phone", "Notes", "Billing Name", "Billing Street", "Billing Address1",
                "Billing Address2", "Billing Company", "Billing City", "Billing Zip", "Billing Phone",
                "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2", "Shipping Company",
                "Shipping City", "Shipping Zip", "Shipping Phone");
    }

    @Override
    public SourceView view(String source, PlatformHeader header, ImportContext context) {
        return switch (source) {
            case "orders" -> new FirstRowOfOrder(row -> order(row, context));
            case "order_lines" -> new OrderLines();
            case "refunds" -> new FirstRowOfOrder(ShopifyOrdersExport::refund);
            default -> throw new IllegalArgumentException("shopify-orders does not feed " + source);
        };
    }

    private static String[] order(PlatformRow row, ImportContext context) {
        String email = row.get("Email");
        String customer = email != null ? context.pseudonyms().of("email", email)
                : context.pseudonyms().of("phone", row.get("Phone", "Billing Phone"));
        String created = PlatformText.shopifyTimestamp(row.get("Created at"));
        String landing = row.get("Landing Site", "Landing Site Ref");
        String discount = row.get("Discount Amount");
        return new ContractRecord("orders")
                .set("order_id", row.get("Name"))
                .set("customer_id", customer)
                .set("order_ts", created)
                // the latest event the row shows: a later export of the same order is a newer version
                .set("updated_ts", PlatformText.latest(created, ts(row, "Paid at"), ts(row, "Fulfilled at"),
                        ts(row, "Cancelled at")))
                .set("status", status(row))
                .set("currency", row.get("Currency"))
                // Shopify's Subtotal is after discounts; the contract's gross is before them
                .set("gross_amount", PlatformText.plus(row.get("Subtotal"), discount))
                .set("discount_amount", discount)
                .set("shipping_amount", row.get("Shipping"))
                .set("tax_amount", row.get("Taxes"))
                .set("channel", context.orderChannel().of(landing, row.get("Referring Site"), row.get("Source")))
                .set("share_code", shareCode(row, landing, context))
                .set("coupon_code", row.get("Discount Code"))
                .values();
    }

    /** Cancelled beats everything; then fulfilment, then payment (docs/inputs.md, "Platform exports" "Statuses"). */
    static String status(PlatformRow row) {
        String financial = Objects.toString(row.get("Financial Status"), "").toLowerCase(Locale.ROOT);
        String fulfillment = Objects.toString(row.get("Fulfillment Status"), "").toLowerCase(Locale.ROOT);
        if (row.get("Cancelled at") != null || financial.equals("voided")) {
            return "cancelled";
        }
        if (fulfillment.equals("fulfilled") || fulfillment.equals("partial")) {
            return "shipped";
        }
        return switch (financial) {
            case "paid", "partially_paid", "partially_refunded", "refunded" -> "paid";
            case "pending", "authorized", "unpaid", "expired", "" -> "placed";
            default -> financial; // unknown: the validator quarantines it with the value
        };
    }

    private static String shareCode(PlatformRow row, String landing, ImportContext context) {
        String attribute = context.settings().shareCode().noteAttribute();
        String notes = row.get("Note Attributes");
        if (attribute != null && notes != null) {
            for (String line : notes.split("\\R")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(attribute)
                        && !line.substring(colon + 1).isBlank()) {
                    return line.substring(colon + 1).trim();
                }
            }
        }
        String parameter = context.settings().shareCode().utmParameter();
        return parameter == null ? null : UrlQuery.param(landing, parameter);
    }

    /**
     * The export has the refunded total but no refund of its own: one refund per order, dated by the
     * latest event that can precede it, capped at the merchandise (the excess is shipping or tax).
     */
    private static String[] refund(PlatformRow row) {
        String refunded = row.get("Refunded Amount");
        if (!PlatformText.positive(refunded)) {
            return null;
        }
        String cancelled = ts(row, "Cancelled at");
        String date = cancelled != null ? cancelled : firstNonNull(ts(row, "Fulfilled at"), ts(row, "Paid at"),
                PlatformText.shopifyTimestamp(row.get("Created at")));
        return new ContractRecord("refunds")
                .set("refund_id", row.get("Name") + "-refund")
                .set("order_id", row.get("Name"))
                .set("refund_ts", date)
                .set("currency", row.get("Currency"))
                .set("amount", PlatformText.atMost(refunded, row.get("Subtotal")))
                .set("reason", cancelled != null ? "order cancelled" : "refunded (Shopify orders export)")
                .values();
    }

    private static String ts(PlatformRow row, String column) {
        return PlatformText.shopifyTimestamp(row.get(column));
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** One line per row; line numbers restart with each order. */
    private static final class OrderLines implements SourceView {
        private String order;
        private int lineNo;

        @Override
        public String[] map(PlatformRow row) {
            String name = row.get("Name");
            lineNo = Objects.equals(name, order) ? lineNo + 1 : 1;
            order = name;
            String sku = row.get("Lineitem sku");
            return new ContractRecord("order_lines")
                    .set("order_id", name)
                    .set("line_no", Integer.toString(lineNo))
                    // many shops leave SKUs empty: the product name is then the best identity there is
                    .set("sku", sku != null ? sku : row.get("Lineitem name"))
                    .set("quantity", row.get("Lineitem quantity"))
                    .set("unit_price", row.get("Lineitem price"))
                    .set("line_discount", row.get("Lineitem discount"))
                    .values();
        }
    }
}
