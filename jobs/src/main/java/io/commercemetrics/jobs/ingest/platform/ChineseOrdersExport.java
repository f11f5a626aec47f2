package io.commercemetrics.jobs.ingest.platform;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Chinese platform's order export (Taobao/Tmall seller centre, Youzan, Douyin shop; GB18030 or
 * UTF-8): one row per item (子订单), the order's fields taken from its first row. Feeds orders,
 * order_lines and refunds; the mapping and the statuses are in docs/inputs.md, "Platform exports".
 */
public final class ChineseOrdersExport implements PlatformFormat {

    /** The platforms print Beijing time without an offset. */
    static final String BEIJING = "+08:00";
    private static final String[] ORDER = {"订单编号", "订单号", "主订单编号"};
    private static final String[] TITLE = {"宝贝标题", "商品名称", "商品标题"};
    private static final String[] SHIPPING = {"买家应付邮费", "运费"};
    private static final String[] DISCOUNT = {"优惠金额", "店铺优惠"};

    @Override
    public String name() {
        return "chinese-platform-orders";
    }

    @Override
    public List<List<String>> signature() {
        return List.of(List.of(ORDER), List.of("买家会员名", "买家昵称"), List.of("订单创建时间", "下单时间"),
                List.of("订单状态"), List.of("买家实际支付金额", "实付金额"), List.of(TITLE));
    }

    @Override
    public List<String> sources() {
        return List.of("orders", "order_lines", "refunds");
    }

    @Override
    public Set<String> personalColumns() {
        return Set.of("买家会员名", "买家昵称", "买家支付宝账号", "收货人姓名", "收货地址", "联系电话", "联系手机",
                "买家留言");
    }

    @Override
    public SourceView view(String source, PlatformHeader header, ImportContext context) {
        return switch (source) {
            case "orders" -> new FirstRowOfOrder(row -> order(row, context), ORDER);
            case "order_lines" -> new Lines();
            case "refunds" -> new FirstRowOfOrder(ChineseOrdersExport::refund, ORDER);
            default -> throw new IllegalArgumentException(name() + " does not feed " + source);
        };
    }

    private static String[] order(PlatformRow row, ImportContext context) {
        String created = ts(row, "订单创建时间", "下单时间");
        String discount = row.get(DISCOUNT);
        return new ContractRecord("orders")
                .set("order_id", orderId(row))
                .set("customer_id", context.pseudonyms().of("buyer", row.get("买家会员名", "买家昵称")))
                .set("order_ts", created)
                .set("updated_ts", PlatformText.latest(created, ts(row, "订单付款时间", "付款时间"),
                        ts(row, "发货时间"), ts(row, "确认收货时间"), ts(row, "订单关闭时间"), ts(row, "退款时间")))
                .set("status", status(row.get("订单状态")))
                .set("currency", Objects.requireNonNullElse(row.get("币种"), "CNY"))
                .set("gross_amount", PlatformText.plus(merchandise(row), discount))
                .set("discount_amount", discount)
                .set("shipping_amount", row.get(SHIPPING))
                .set("channel", context.orderChannel().of(null, null, row.get("订单来源", "流量来源")))
                .set("coupon_code", row.get("优惠券", "优惠码"))
                .set("store_id", row.get("店铺名称", "店铺Id"))
                .values();
    }

    /** What the buyer pays for the goods after discounts: the goods column, else the payment less postage. */
    private static String merchandise(PlatformRow row) {
        String goods = row.get("买家应付货款", "商品总价");
        return goods != null ? goods : PlatformText.minus(row.get("买家实际支付金额", "实付金额"), row.get(SHIPPING));
    }

    /** Keywords, not whole strings: each platform words its statuses a little differently. */
    static String status(String text) {
        if (text == null) {
            return null;
        }
        if (text.contains("关闭") || text.contains("取消")) {
            return "cancelled";
        }
        // before "delivered": 卖家已发货，等待买家确认收货 is still on its way
        if (text.contains("已发货") || text.contains("待收货")) {
            return "shipped";
        }
        if (text.contains("交易成功") || text.contains("已完成") || text.contains("已签收") || text.contains("确认收货")) {
            return "delivered";
        }
        if (text.contains("已付款") || text.contains("待发货")) {
            return "paid";
        }
        if (text.contains("等待买家付款") || text.contains("待付款") || text.contains("未付款")) {
            return "placed";
        }
        return text;
    }

    private static String[] refund(PlatformRow row) {
        String refunded = row.get("退款金额");
        if (!PlatformText.positive(refunded)) {
            return null;
        }
        String date = PlatformText.latest(ts(row, "退款时间"));
        for (String column : List.of("订单关闭时间", "确认收货时间", "发货时间", "订单付款时间", "订单创建时间")) {
            date = date != null ? date : ts(row, column);
        }
        String reason = row.get("退款原因", "订单关闭原因");
        return new ContractRecord("refunds")
                .set("refund_id", orderId(row) + "-refund")
                .set("order_id", orderId(row))
                .set("refund_ts", date)
                .set("currency", Objects.requireNonNullElse(row.get("币种"), "CNY"))
                .set("amount", PlatformText.atMost(refunded, merchandise(row)))
                .set("reason", reason != null ? reason : "退款")
                .values();
    }

    /** Exports pad long numbers so spreadsheets keep them as text: {@code '3012…}, a tab, {@code ="3012…"}. */
    static String orderId(PlatformRow row) {
        String id = row.get(ORDER);
        return id == null ? null : id.replaceAll("^[\\s'=\"]+|[\\s\"]+$", "");
    }

    private static String ts(PlatformRow row, String... columns) {
        return PlatformText.localTimestamp(row.get(columns), BEIJING);
    }

    /** One line per row; line numbers restart with each order; the product title is the sku. */
    private static final class Lines implements SourceView {
        private String order;
        private int lineNo;

        @Override
        public String[] map(PlatformRow row) {
            String id = orderId(row);
            lineNo = Objects.equals(id, order) ? lineNo + 1 : 1;
            order = id;
            return new ContractRecord("order_lines")
                    .set("order_id", id)
                    .set("line_no", Integer.toString(lineNo))
                    .set("sku", row.get(TITLE))
                    .set("category", row.get("商品类目", "宝贝类目", "类目"))
                    .set("quantity", row.get("购买数量", "商品数量", "宝贝数量", "数量"))
                    .set("unit_price", row.get("商品单价", "单价", "价格"))
                    .values();
        }
    }
}
