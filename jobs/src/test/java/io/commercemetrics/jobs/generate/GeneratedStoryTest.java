package io.commercemetrics.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.generate.ExportFolder.Row;
import io.commercemetrics.schemas.Sources;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's story holds in aggregate on a small run (300 customers), read back from the files. */
class GeneratedStoryTest {

    @TempDir
    static Path temp;
    private static ExportFolder folder;

    @BeforeAll
    static void generateOnce() {
        folder = new ExportFolder(new ExportGenerator().generate(GeneratorSettings.defaults(temp).withCustomers(300)).out());
    }

    @Test
    void socialCustomersComeBackMoreOftenThanTraditionalOnes() {
        Map<String, List<Row>> byCustomer = new TreeMap<>();
        Map<String, Row> latest = new TreeMap<>();
        folder.rows(Sources.ORDERS).stream().filter(o -> IndependentReconciliation.instant(o.get("order_ts")) != null)
                .forEach(o -> latest.put(o.get("order_id"), o));
        latest.values().stream().filter(o -> !o.get("status").equals("cancelled") && o.has("customer_id"))
                .forEach(o -> byCustomer.computeIfAbsent(o.get("customer_id"), k -> new ArrayList<>()).add(o));
        int[] social = new int[2];
        int[] traditional = new int[2];
        for (List<Row> orders : byCustomer.values()) {
            Row first = orders.stream().min(Comparator.comparing((Row o) -> IndependentReconciliation.instant(o.get("order_ts")).toInstant())).orElseThrow();
            boolean viaSocial = first.has("share_code") || List.of("social_share", "live_stream", "community").contains(first.get("channel"));
            int[] group = viaSocial ? social : traditional;
            group[0]++;
            group[1] += orders.size() > 1 ? 1 : 0;
        }
        assertThat(social[0]).isGreaterThan(30);
        assertThat(traditional[0]).isGreaterThan(social[0]);
        double socialRate = (double) social[1] / social[0];
        double traditionalRate = (double) traditional[1] / traditional[0];
        assertThat(socialRate).isGreaterThan(traditionalRate * 1.5);
    }

    @Test
    void sharesFormChainsOfDepthThreeAndMoreWithHeavySharers() {
        Map<String, Row> shares = new TreeMap<>();
        folder.rows(Sources.SHARES).forEach(s -> shares.putIfAbsent(s.get("share_id"), s));
        int deepest = 0;
        for (Row share : shares.values()) {
            int depth = 1;
            for (Row at = share; at.has("parent_share_id") && shares.containsKey(at.get("parent_share_id")) && depth < 10;
                    at = shares.get(at.get("parent_share_id"))) {
                depth++;
            }
            if (depth < 10) { // the planted loop never ends
                deepest = Math.max(deepest, depth);
            }
        }
        assertThat(deepest).isBetween(3, SocialGraph.MAX_DEPTH);
        Map<String, Long> perSharer = new TreeMap<>();
        shares.values().forEach(s -> perSharer.merge(s.get("sharer_id"), 1L, Long::sum));
        long heaviest = perSharer.values().stream().max(Long::compare).orElseThrow();
        // a few heavy sharers: the most active one shares at least three times as much as the average
        assertThat(heaviest).isGreaterThan(3L * shares.size() / perSharer.size());
        assertThat(folder.rows(Sources.SHARE_CLICKS)).anySatisfy(c -> assertThat(c.has("customer_id")).isTrue())
                .anySatisfy(c -> assertThat(c.has("customer_id")).isFalse());
        assertThat(folder.rows(Sources.SHARES).stream().map(s -> s.get("platform")).distinct())
                .contains("wechat", "weibo", "douyin", "xiaohongshu");
    }

    @Test
    void payoutsMatchWhatIsOwedExceptOneUnderpaidAndOneDuplicated() {
        IndependentReconciliation reconciliation = new IndependentReconciliation(folder, GeneratorSettings.DEFAULT_END_DATE);
        List<IndependentReconciliation.Line> lines =
                reconciliation.reconcile(folder.rows(Sources.PAYOUTS), YearMonth.from(GeneratorSettings.DEFAULT_END_DATE.minusMonths(11)));

        assertThat(reconciliation.selfReferrals()).isPositive();
        assertThat(lines).filteredOn(l -> l.status().equals("underpaid")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.status().equals("possible_duplicate")).hasSize(1)
                .allSatisfy(l -> assertThat(l.paid()).isEqualByComparingTo(l.expected().multiply(BigDecimal.valueOf(2))));
        assertThat(lines).filteredOn(l -> l.status().equals("matched")).hasSizeGreaterThan(10);
        // the month whose payday is after the data end is not paid yet; every other line matches
        assertThat(lines).filteredOn(l -> !List.of("matched", "underpaid", "possible_duplicate").contains(l.status()))
                .allSatisfy(l -> {
                    assertThat(l.status()).isEqualTo("unpaid");
                    assertThat(l.period()).isEqualTo(YearMonth.from(GeneratorSettings.DEFAULT_END_DATE));
                });
    }
}
