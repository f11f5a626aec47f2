package io.commercemetrics.jobs.robustness;

import io.commercemetrics.schemas.export.CurrencyUnits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small shop's exports drawn at random inside the input contract, crowded around the dates where
 * time arithmetic goes wrong: a daylight-saving change of the reporting zone, a leap day, ISO week
 * 53. It keeps what it drew ({@link Order}s with their refunds), so a test can tell which orders
 * count and which were refunded in full without asking the code under test.
 */
final class RandomShop {

    /** Where a shop's timestamps crowd. */
    enum Era {
        SPRING_CHANGE, AUTUMN_CHANGE, LEAP_DAY, WEEK_53
    }

    /** What a try varies besides the seed (these shrink; the seed picks the details). */
    record Settings(long seed, Era era, ZoneId zone, String currency, int customers, int orders, int maxLevels,
                    boolean selfReferralAllowed, boolean lastTouch, int windowDays, int holdDays,
                    boolean twoRuleVersions, boolean minPayout) {
    }

    record Line(int lineNo, String category, int quantity, BigDecimal unitPrice, BigDecimal lineDiscount) {
    }

    record Refund(String id, Instant ts, BigDecimal amount) {
    }

    /** One order as its latest version says; {@code olderStatus} is an earlier version's, or null. */
    record Order(String id, String customer, Instant ts, String status, String olderStatus, BigDecimal gross,
                 BigDecimal discount, String channel, String visitor, String shareCode, List<Line> lines,
                 List<Refund> refunds) {

        BigDecimal nma() {
            return gross.subtract(discount);
        }
    }

    private static final List<String> CHANNELS = List.of("search", "ads", "direct", "email", "social_share",
            "live_stream", "community", "podcast");
    private static final List<String> STATUSES = List.of("placed", "paid", "shipped", "delivered", "cancelled");
    private static final DateTimeFormatter OFFSET_TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    final Settings settings;
    final List<Order> orders = new ArrayList<>();
    private final Random random;
    private final Instant anchor;
    private final List<String[]> shares = new ArrayList<>();
    private final List<String[]> clicks = new ArrayList<>();
    private final List<String[]> reviews = new ArrayList<>();
    private final List<String[]> payouts = new ArrayList<>();
    private final List<String[]> traffic = new ArrayList<>();

    RandomShop(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.anchor = anchor(settings.era(), settings.zone());
        drawShares();
        drawOrders();
        drawClicks();
        drawReviewsPayoutsTraffic();
    }

    /** The local date of the latest order, which is the data end when no --as-of is given. */
    LocalDate dataEnd() {
        return orders.stream().map(Order::ts).max(Instant::compareTo).orElseThrow()
                .atZone(settings.zone()).toLocalDate();
    }

    boolean counted(Order order) {
        return !order.status().equals("cancelled") && !localDate(order.ts()).isAfter(dataEnd());
    }

    /** Counted orders whose refunds up to the data end add up to the whole NMA (above 0). */
    boolean fullyRefunded(Order order) {
        BigDecimal refunded = order.refunds().stream().filter(r -> !localDate(r.ts()).isAfter(dataEnd()))
                .map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return counted(order) && order.nma().signum() > 0 && refunded.compareTo(order.nma()) == 0;
    }

    LocalDate localDate(Instant instant) {
        return instant.atZone(settings.zone()).toLocalDate();
    }

    /**
     * The zone's DST change nearest the era's date (a zone without one: noon of that date), a leap
     * day's midnight, or the last hour of ISO week 53 of 2026.
     */
    private static Instant anchor(Era era, ZoneId zone) {
        return switch (era) {
            case SPRING_CHANGE, AUTUMN_CHANGE -> {
                ZonedDateTime probe = ZonedDateTime.of(2026, era == Era.SPRING_CHANGE ? 2 : 9, 1, 0, 0, 0, 0, zone);
                var transition = zone.getRules().nextTransition(probe.toInstant());
                yield transition != null && transition.getInstant().isBefore(probe.plusMonths(3).toInstant())
                        ? transition.getInstant() : probe.plusDays(40).withHour(12).toInstant();
            }
            case LEAP_DAY -> ZonedDateTime.of(2024, 2, 29, 0, 0, 0, 0, zone).toInstant();
            case WEEK_53 -> ZonedDateTime.of(2027, 1, 3, 23, 0, 0, 0, zone).toInstant();
        };
    }

    /** Near the anchor: often exactly on it or a second either side, else within six weeks. */
    private Instant near() {
        return switch (random.nextInt(6)) {
            case 0 -> anchor;
            case 1 -> anchor.minusSeconds(1);
            case 2 -> anchor.plusSeconds(1);
            default -> anchor.plusSeconds(random.nextInt(84 * 86_400) - 42 * 86_400L);
        };
    }

    private String customer() {
        return "c" + random.nextInt(settings.customers());
    }

    private BigDecimal money(int maxUnits) {
        int scale = CurrencyUnits.minorUnit(settings.currency());
        // now and then more places than the minor unit: kept exact, rounded only where METRICS.md rounds
        int places = random.nextInt(8) == 0 ? scale + 2 : scale;
        long units = random.nextInt(4) == 0 ? 0 : random.nextInt(maxUnits + 1);
        long fraction = places == 0 ? 0 : random.nextInt((int) Math.pow(10, places));
        return BigDecimal.valueOf(units).add(BigDecimal.valueOf(fraction, places)).setScale(places);
    }

    /** A forest of shares: chains up to six deep (longer than any max-levels), sharers often customers. */
    private void drawShares() {
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String parent = i > 0 && random.nextInt(3) > 0 ? "s" + random.nextInt(i) : "";
            String sharer = random.nextInt(4) == 0 ? "x" + random.nextInt(3) : customer();
            shares.add(new String[] {"s" + i, sharer, parent, ts(anchor.minus(Duration.ofDays(60 - i)))});
        }
    }

    private void drawOrders() {
        for (int i = 0; i < settings.orders(); i++) {
            String id = "o" + i;
            BigDecimal gross = money(300);
            BigDecimal discount = random.nextInt(3) == 0 ? gross : random.nextBoolean() ? BigDecimal.ZERO
                    : gross.multiply(BigDecimal.valueOf(random.nextInt(50), 2)).setScale(gross.scale(),
                            java.math.RoundingMode.DOWN);
            String status = STATUSES.get(random.nextInt(STATUSES.size()));
            String older = random.nextInt(4) == 0 ? STATUSES.get(random.nextInt(STATUSES.size())) : null;
            String shareCode = switch (random.nextInt(4)) {
                case 0 -> "s" + random.nextInt(shares.size());
                case 1 -> "unknown-" + i; // names no share: falls through to the clicks
                default -> "";
            };
            Instant ts = near();
            Order order = new Order(id, customer(), ts, status, older, gross, discount,
                    CHANNELS.get(random.nextInt(CHANNELS.size())), random.nextBoolean() ? "v" + i % 5 : "",
                    shareCode, drawLines(), new ArrayList<>());
            drawRefunds(order);
            orders.add(order);
        }
    }

    private List<Line> drawLines() {
        List<Line> lines = new ArrayList<>();
        int count = random.nextInt(4); // an order without lines is valid
        for (int n = 1; n <= count; n++) {
            int quantity = 1 + random.nextInt(3);
            BigDecimal price = money(80);
            BigDecimal lineGross = price.multiply(BigDecimal.valueOf(quantity));
            BigDecimal lineDiscount = random.nextInt(4) == 0 ? lineGross : BigDecimal.ZERO; // zero-net lines
            String category = switch (random.nextInt(3)) {
                case 0 -> "books";
                case 1 -> "toys";
                default -> "";
            };
            lines.add(new Line(n, category, quantity, price, lineDiscount));
        }
        return lines;
    }

    /** Refunds adding up to at most the NMA, half the time exactly to it; before and after the lock date. */
    private void drawRefunds(Order order) {
        BigDecimal nma = order.nma();
        if (nma.signum() == 0 || random.nextBoolean()) {
            return;
        }
        int parts = 1 + random.nextInt(3);
        boolean full = random.nextBoolean();
        BigDecimal left = nma;
        for (int k = 0; k < parts && left.signum() > 0; k++) {
            boolean last = k == parts - 1;
            BigDecimal amount = last && full ? left
                    : left.multiply(BigDecimal.valueOf(1 + random.nextInt(60), 2))
                        .setScale(nma.scale(), java.math.RoundingMode.DOWN);
            if (amount.signum() <= 0) {
                continue;
            }
            left = left.subtract(amount);
            Instant ts = order.ts().plus(Duration.ofHours(random.nextInt(24 * (settings.holdDays() + 10)) + 1));
            order.refunds().add(new Refund("r" + order.id() + "-" + k, ts, amount));
        }
    }

    /** Clicks by customer and by visitor, some exactly on the window's edges of an order. */
    private void drawClicks() {
        long window = settings.windowDays() * 86_400L;
        int n = 0;
        for (Order order : orders) {
            int count = random.nextInt(3);
            for (int k = 0; k < count; k++) {
                long before = switch (random.nextInt(5)) {
                    case 0 -> window;          // on the edge: inside
                    case 1 -> window + 1;      // a second outside
                    case 2 -> 0;               // at the order's instant: inside
                    default -> random.nextInt((int) window + 86_400);
                };
                boolean byVisitor = !order.visitor().isEmpty() && random.nextBoolean();
                clicks.add(new String[] {"k" + n++, "s" + random.nextInt(shares.size()),
                        byVisitor ? order.visitor() : "w" + n, byVisitor ? "" : order.customer(),
                        ts(order.ts().minusSeconds(before))});
            }
        }
    }

    private void drawReviewsPayoutsTraffic() {
        for (Order order : orders) {
            if (random.nextInt(3) == 0) {
                String sku = order.lines().isEmpty() ? "" : "sku-" + order.lines().get(0).lineNo();
                reviews.add(new String[] {"rv-" + order.id(), order.id(), order.customer(), sku,
                        String.valueOf(1 + random.nextInt(5)), ts(order.ts().plus(Duration.ofDays(random.nextInt(9)))),
                        "t", "b"});
            }
        }
        LocalDate first = localDate(anchor).minusMonths(2);
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            String sharer = shares.get(random.nextInt(shares.size()))[1];
            LocalDate period = first.plusMonths(random.nextInt(4));
            BigDecimal drawn = money(60);
            // now and then a recovered overpayment (negative); never "-0"
            String amount = random.nextInt(5) == 0 && drawn.signum() > 0 ? drawn.negate().toPlainString()
                    : drawn.toPlainString();
            payouts.add(new String[] {"p" + i, sharer, period.toString().substring(0, 7), amount, settings.currency(),
                    ts(period.plusMonths(1).atStartOfDay(settings.zone()).toInstant()), ""});
            if (random.nextInt(4) == 0) { // the same amount paid twice: a possible duplicate
                payouts.add(new String[] {"p" + i + "b", sharer, period.toString().substring(0, 7), amount,
                        settings.currency(), ts(period.plusMonths(1).atStartOfDay(settings.zone()).toInstant()), ""});
            }
        }
        for (int d = -3; d <= 3; d++) {
            LocalDate day = localDate(anchor).plusDays(d * 7L);
            traffic.add(new String[] {day.toString(), CHANNELS.get(random.nextInt(CHANNELS.size())), "",
                    String.valueOf(random.nextInt(500)), money(90).toPlainString(), settings.currency()});
        }
    }

    /** Offsets written as the zone's own, or as Z: both are the same instant. */
    private String ts(Instant instant) {
        return random.nextInt(3) == 0 ? instant.toString() : OFFSET_TS.format(instant.atZone(settings.zone()));
    }

    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String[]> orderRows = new ArrayList<>();
        List<String[]> lineRows = new ArrayList<>();
        List<String[]> refundRows = new ArrayList<>();
        for (Order o : orders) {
            if (o.olderStatus() != null) { // an earlier version, older by its updated_ts
                orderRows.add(orderRow(o, o.olderStatus(), o.ts()));
            }
            orderRows.add(orderRow(o, o.status(), o.ts().plusSeconds(60)));
            for (Line l : o.lines()) {
                lineRows.add(new String[] {o.id(), String.valueOf(l.lineNo()), "sku-" + l.lineNo(), l.category(),
                        String.valueOf(l.quantity()), l.unitPrice().toPlainString(), l.lineDiscount().toPlainString()});
            }
            for (Refund r : o.refunds()) {
                refundRows.add(new String[] {r.id(), o.id(), ts(r.ts()), settings.currency(),
                        r.amount().toPlainString(), ""});
            }
        }
        write(folder, "orders", "order_id,customer_id,order_ts,updated_ts,status,currency,gross_amount,"
                + "discount_amount,shipping_amount,tax_amount,channel,visitor_id,share_code,coupon_code,store_id",
                orderRows);
        write(folder, "order_lines", "order_id,line_no,sku,category,quantity,unit_price,line_discount", lineRows);
        write(folder, "refunds", "refund_id,order_id,refund_ts,currency,amount,reason", refundRows);
        write(folder, "shares", "share_id,sharer_id,parent_share_id,share_ts", shares);
        write(folder, "share_clicks", "click_id,share_id,visitor_id,customer_id,click_ts", clicks);
        write(folder, "reviews", "review_id,order_id,customer_id,sku,rating,review_ts,title,body", reviews);
        write(folder, "payouts", "payout_id,sharer_id,period,amount,currency,paid_ts,reference", payouts);
        write(folder, "traffic", "date,channel,campaign,visits,spend,currency", traffic);
        Files.writeString(folder.resolve("commerce-metrics.yaml"), configYaml(), StandardCharsets.UTF_8);
    }

    private String[] orderRow(Order o, String status, Instant updated) {
        return new String[] {o.id(), o.customer(), ts(o.ts()), ts(updated), status, settings.currency(),
                o.gross().toPlainString(), o.discount().toPlainString(), random.nextBoolean() ? "" : "5",
                "", o.channel(), o.visitor(), o.shareCode(), "", ""};
    }

    String configYaml() {
        StringBuilder rules = new StringBuilder("    - version: base\n      effective-from: 1970-01-01\n"
                + "      level-rates: [0.10, 0.03, 0.01]\n      category-rates:\n        books: [0.05]\n");
        if (settings.twoRuleVersions()) {
            rules.append("    - version: later\n      effective-from: ").append(localDate(anchor))
                    .append("\n      level-rates: [0.125, 0.0333]\n      category-rates:\n        toys: [0.07, 0.02, 0.01]\n");
        }
        return "reporting:\n  time-zone: " + settings.zone().getId() + "\n  currency: " + settings.currency() + "\n"
                + "attribution:\n  model: " + (settings.lastTouch() ? "last_touch" : "first_touch") + "\n"
                + "  window-days: " + settings.windowDays() + "\n"
                + "commission:\n  max-levels: " + settings.maxLevels() + "\n"
                + "  self-referral: " + (settings.selfReferralAllowed() ? "allow" : "exclude") + "\n"
                + "  hold-days: " + settings.holdDays() + "\n  min-payout: " + (settings.minPayout() ? "25" : "0") + "\n"
                + "  rules:\n" + rules;
    }

    private static void write(Path folder, String source, String header, List<String[]> rows) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String[] row : rows) {
            text.append(String.join(",", row)).append('\n');
        }
        Files.writeString(folder.resolve(source + ".csv"), text, StandardCharsets.UTF_8);
    }
}
