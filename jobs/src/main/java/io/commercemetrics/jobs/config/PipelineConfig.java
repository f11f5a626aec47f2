package io.commercemetrics.jobs.config;

import io.commercemetrics.warehouse.HadoopSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * The configuration in force for one run, after every layer was merged (see
 * {@link ConfigLoader}). Field names mirror the YAML keys.
 */
public record PipelineConfig(Reporting reporting, SourceSettings source, Channels channels,
                             Repurchase repurchase, Attribution attribution, Commission commission,
                             ImportSettings imports, DeliverySettings delivery, Schedule schedule,
                             HadoopSettings hadoop) {

    /** @param currency the reporting currency, or null: the data's only currency */
    public record Reporting(ZoneId timeZone, String currency) {
    }

    /** @param encoding the charset of the exports, or null for strict UTF-8 */
    public record SourceSettings(ZoneId timeZone, String encoding) {
    }

    public record Channels(List<String> social, List<String> traditional) {
        public static final String SOCIAL = "social";
        public static final String TRADITIONAL = "traditional";
        public static final String OTHER = "other";

        /** The channel group of a channel word: {@code social}, {@code traditional} or {@code other}. */
        public String groupOf(String channel) {
            if (social.contains(channel)) {
                return SOCIAL;
            }
            return traditional.contains(channel) ? TRADITIONAL : OTHER;
        }
    }

    /**
     * When {@code schedule} fires each trigger: cron expressions in the reporting time zone, each null
     * when switched off (an empty expression).
     *
     * @param ingest         ingest the inbox, then compute the metrics
     * @param weeklyReport   the management report of the week before
     * @param monthlyReports the management and finance reports of the month before
     */
    public record Schedule(CronExpression ingest, CronExpression weeklyReport, CronExpression monthlyReports) {
    }

    public record Repurchase(List<Integer> windowsDays) {
    }

    public enum AttributionModel { last_touch, first_touch }

    public record Attribution(AttributionModel model, int windowDays) {
    }

    public enum SelfReferralPolicy { exclude, allow }

    /** @param payday the day of the next month a month's payouts fall due, 1 to 31 */
    public record Commission(int maxLevels, SelfReferralPolicy selfReferral, int holdDays,
                             BigDecimal minPayout, int payday, List<RuleVersion> rules) {

        /** The version in force on {@code accrualDate}: the greatest effective-from on or before it. */
        public Optional<RuleVersion> ruleOn(LocalDate accrualDate) {
            return rules.stream()
                    .filter(r -> !r.effectiveFrom().isAfter(accrualDate))
                    .max(Comparator.comparing(RuleVersion::effectiveFrom));
        }
    }

    /**
     * One version of the commission rules.
     *
     * @param levelRates    rate per level, level 1 first
     * @param categoryRates per category, a list that replaces {@code levelRates} for its lines
     */
    public record RuleVersion(String version, LocalDate effectiveFrom, List<BigDecimal> levelRates,
                              Map<String, List<BigDecimal>> categoryRates) {

        public List<BigDecimal> ratesFor(String category) {
            if (category != null && categoryRates.containsKey(category)) {
                return categoryRates.get(category);
            }
            return levelRates;
        }
    }
}
