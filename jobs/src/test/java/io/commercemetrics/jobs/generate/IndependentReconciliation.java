package io.commercemetrics.jobs.generate;

import static io.commercemetrics.schemas.Sources.FX_RATES;
import static io.commercemetrics.schemas.Sources.ORDERS;
import static io.commercemetrics.schemas.Sources.ORDER_LINES;
import static io.commercemetrics.schemas.Sources.PAYOUTS;
import static io.commercemetrics.schemas.Sources.REFUNDS;
import static io.commercemetrics.schemas.Sources.SHARES;
import static io.commercemetrics.schemas.Sources.SHARE_CLICKS;

import io.commercemetrics.jobs.generate.ExportFolder.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reconciliation of METRICS.md (default rules) recomputed from the files alone, written
 * without the generator's code, so a test can tell whether the payouts the generator wrote are
 * what a correct pipeline expects. Rows a correct ingest quarantines are skipped by simple checks.
 */
final class IndependentReconciliation {

    record Line(YearMonth period, String sharer, BigDecimal expected, BigDecimal paid, String status) {
    }

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final BigDecimal[] RATES = {new BigDecimal("0.10"), new BigDecimal("0.03")};

    private final Map<String, Row> orders = new HashMap<>();
    private final Map<String, List<Row>> lines = new HashMap<>();
    private final Map<String, Row> shares = new HashMap<>();
    private final Map<String, List<Row>> clicksByCustomer = new HashMap<>();
    private final Map<String, List<Row>> clicksByVisitor = new HashMap<>();
    private final Map<String, List<Row>> refunds = new HashMap<>();
    private final Map<String, TreeMap<YearMonth, BigDecimal>> payable = new TreeMap<>();
    private final LocalDate end;

    IndependentReconciliation(ExportFolder folder, LocalDate end) {
        this.end = end;
        String firstRate = folder.rows(FX_RATES).stream().map(r -> r.get("date")).filter(d -> isDate(d)).min(String::compareTo).orElseThrow();
        for (Row o : folder.rows(ORDERS)) {
            if (validOrder(o) && !(o.get("currency").equals("USD") && localDate(o.get("order_ts")).toString().compareTo(firstRate) < 0)) {
                Row before = orders.get(o.get("order_id"));
                if (before == null || !instant(o.get("updated_ts")).isBefore(instant(before.get("updated_ts")))) {
                    orders.put(o.get("order_id"), o);
                }
            }
        }
        Set<String> lineKeys = new HashSet<>();
        for (Row l : folder.rows(ORDER_LINES)) {
            if (lineKeys.add(l.get("order_id") + "/" + l.get("line_no")) && isDecimal(l.get("unit_price"))) {
                lines.computeIfAbsent(l.get("order_id"), k -> new ArrayList<>()).add(l);
            }
        }
        for (Row s : folder.rows(SHARES)) {
            if (s.has("sharer_id")) {
                shares.putIfAbsent(s.get("share_id"), s);
            }
        }
        shares.keySet().removeAll(loops());
        Set<String> clickIds = new HashSet<>();
        for (Row c : folder.rows(SHARE_CLICKS)) {
            if (clickIds.add(c.get("click_id")) && instant(c.get("click_ts")) != null) {
                if (c.has("customer_id")) {
                    clicksByCustomer.computeIfAbsent(c.get("customer_id"), k -> new ArrayList<>()).add(c);
                }
                clicksByVisitor.computeIfAbsent(c.get("visitor_id"), k -> new ArrayList<>()).add(c);
            }
        }
        Set<String> refundIds = new HashSet<>();
        for (Row r : folder.rows(REFUNDS)) {
            Row order = orders.get(r.get("order_id"));
            if (refundIds.add(r.get("refund_id")) && order != null && isDecimal(r.get("amount"))
                    && new BigDecimal(r.get("amount")).signum() > 0 && r.get("currency").equals(order.get("currency"))) {
                refunds.computeIfAbsent(r.get("order_id"), k -> new ArrayList<>()).add(r);
            }
        }
        orders.values().stream().filter(o -> !o.get("status").equals("cancelled")).forEach(this::accrue);
    }

    private Set<String> loops() {
        Set<String> onLoop = new HashSet<>();
        for (String start : shares.keySet()) {
            List<String> path = new ArrayList<>();
            for (String at = start; at != null && shares.containsKey(at); at = shares.get(at).get("parent_share_id")) {
                if (path.contains(at)) {
                    onLoop.addAll(path.subList(path.indexOf(at), path.size()));
                    break;
                }
                path.add(at);
            }
        }
        return onLoop;
    }

    /** Orders credited to a share whose buyer is the level-1 sharer. */
    long selfReferrals() {
        return orders.values().stream().filter(o -> !o.get("status").equals("cancelled"))
                .filter(o -> credit(o) != null && credit(o).get("sharer_id").equals(o.get("customer_id"))).count();
    }

    Row credit(Row order) {
        if (shares.containsKey(order.get("share_code"))) {
            return shares.get(order.get("share_code"));
        }
        OffsetDateTime at = instant(order.get("order_ts"));
        List<Row> candidates = new ArrayList<>(clicksByCustomer.getOrDefault(order.get("customer_id"), List.of()));
        if (order.has("visitor_id")) {
            candidates.addAll(clicksByVisitor.getOrDefault(order.get("visitor_id"), List.of()));
        }
        return candidates.stream()
                .filter(c -> !instant(c.get("click_ts")).isAfter(at) && !instant(c.get("click_ts")).isBefore(at.minusDays(30)))
                .max(Comparator.comparing((Row c) -> instant(c.get("click_ts")).toInstant()).thenComparing(c -> c.get("click_id")))
                .map(c -> shares.get(c.get("share_id"))).orElse(null);
    }

    private void accrue(Row order) {
        Row share = credit(order);
        if (share == null || share.get("sharer_id").equals(order.get("customer_id"))) {
            return;
        }
        List<String> chain = new ArrayList<>();
        for (Row s = share; s != null && chain.size() < 2; s = shares.get(s.get("parent_share_id"))) {
            if (!chain.contains(s.get("sharer_id"))) {
                chain.add(s.get("sharer_id"));
            }
        }
        BigDecimal nma = new BigDecimal(order.get("gross_amount")).subtract(decimal(order.get("discount_amount")));
        List<BigDecimal> nets = lines.getOrDefault(order.get("order_id"), List.of()).stream()
                .map(l -> new BigDecimal(l.get("quantity")).multiply(new BigDecimal(l.get("unit_price"))).subtract(decimal(l.get("line_discount"))))
                .toList();
        BigDecimal sum = nets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate lock = localDate(order.get("order_ts")).plusDays(15);
        List<Row> refundsInOrder = refunds.getOrDefault(order.get("order_id"), List.of()).stream()
                .sorted(Comparator.comparing((Row r) -> instant(r.get("refund_ts")).toInstant()).thenComparing(r -> r.get("refund_id"))).toList();
        for (int level = 0; level < chain.size(); level++) {
            BigDecimal commission = BigDecimal.ZERO;
            for (BigDecimal net : nets) {
                commission = commission.add(nma.multiply(net).multiply(RATES[level]).divide(sum, 2, RoundingMode.HALF_UP));
            }
            TreeMap<YearMonth, BigDecimal> months = payable.computeIfAbsent(chain.get(level), k -> new TreeMap<>());
            BigDecimal released = commission;
            BigDecimal refunded = BigDecimal.ZERO;
            BigDecimal reversed = BigDecimal.ZERO;
            for (Row r : refundsInOrder) {
                BigDecimal amount = new BigDecimal(r.get("amount"));
                if (refunded.add(amount).compareTo(nma) > 0) {
                    continue;
                }
                refunded = refunded.add(amount);
                BigDecimal reversal = commission.multiply(refunded).divide(nma, 2, RoundingMode.HALF_UP).subtract(reversed);
                reversed = reversed.add(reversal);
                LocalDate date = localDate(r.get("refund_ts"));
                if (date.isBefore(lock)) {
                    released = released.subtract(reversal);
                } else {
                    months.merge(YearMonth.from(date), reversal.negate(), BigDecimal::add);
                }
            }
            if (!lock.isAfter(end)) {
                months.merge(YearMonth.from(lock), released, BigDecimal::add);
            }
        }
    }

    List<Line> reconcile(List<Row> payouts, YearMonth first) {
        Map<String, List<Row>> paid = new HashMap<>();
        Set<String> payoutIds = new HashSet<>();
        for (Row p : payouts) {
            if (payoutIds.add(p.get("payout_id")) && p.has("paid_ts")) {
                paid.computeIfAbsent(p.get("sharer_id") + "/" + p.get("period"), k -> new ArrayList<>()).add(p);
            }
        }
        List<Line> result = new ArrayList<>();
        for (Map.Entry<String, TreeMap<YearMonth, BigDecimal>> sharer : payable.entrySet()) {
            BigDecimal balance = BigDecimal.ZERO;
            for (YearMonth m = first; !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                BigDecimal due = balance.add(sharer.getValue().getOrDefault(m, BigDecimal.ZERO));
                BigDecimal expected = due.signum() > 0 ? due : BigDecimal.ZERO;
                List<Row> ps = paid.getOrDefault(sharer.getKey() + "/" + m, List.of());
                BigDecimal sum = ps.stream().map(p -> new BigDecimal(p.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
                balance = due.subtract(sum);
                if (expected.signum() == 0 && sum.signum() == 0) {
                    continue;
                }
                long distinct = ps.stream().map(p -> new BigDecimal(p.get("amount")).stripTrailingZeros()).distinct().count();
                String status = distinct < ps.size() ? "possible_duplicate"
                        : expected.signum() > 0 && sum.signum() == 0 ? "unpaid"
                        : sum.compareTo(expected) == 0 ? "matched" : sum.compareTo(expected) < 0 ? "underpaid" : "overpaid";
                result.add(new Line(m, sharer.getKey(), expected, sum, status));
            }
        }
        return result;
    }

    private static boolean validOrder(Row o) {
        if (!o.has("customer_id") || !io.commercemetrics.schemas.Sources.ORDER_STATUSES.contains(o.get("status"))
                || instant(o.get("order_ts")) == null || instant(o.get("updated_ts")) == null) {
            return false;
        }
        for (String column : List.of("gross_amount", "discount_amount", "shipping_amount", "tax_amount")) {
            if (o.has(column) && (!isDecimal(o.get(column)) || new BigDecimal(o.get(column)).signum() < 0)) {
                return false;
            }
        }
        return decimal(o.get("discount_amount")).compareTo(new BigDecimal(o.get("gross_amount"))) <= 0;
    }

    static boolean isDecimal(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }

    static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static BigDecimal decimal(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    static OffsetDateTime instant(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalDate localDate(String timestamp) {
        return instant(timestamp).atZoneSameInstant(SHANGHAI).toLocalDate();
    }
}
