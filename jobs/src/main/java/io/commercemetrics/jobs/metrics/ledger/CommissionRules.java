package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.jobs.config.PipelineConfig;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A serializable copy of the commission settings, shipped to Spark executors with the per-order
 * computation ({@link PipelineConfig} records are not {@link Serializable}).
 */
public record CommissionRules(int maxLevels, boolean excludeSelfReferral, int holdDays,
                              List<Version> versions) implements Serializable {

    /** One rule version: its name, first day in force, default level rates and category lists. */
    public record Version(String name, LocalDate effectiveFrom, List<BigDecimal> levelRates,
                          Map<String, List<BigDecimal>> categoryRates) implements Serializable {

        /** A category's own list replaces the default list for lines of that category. */
        public List<BigDecimal> ratesFor(String category) {
            if (category != null && categoryRates.containsKey(category)) {
                return categoryRates.get(category);
            }
            return levelRates;
        }
    }

    public static CommissionRules of(PipelineConfig.Commission commission) {
        List<Version> versions = new ArrayList<>();
        for (PipelineConfig.RuleVersion rule : commission.rules()) {
            Map<String, List<BigDecimal>> categories = new HashMap<>();
            rule.categoryRates().forEach((category, rates) -> categories.put(category, new ArrayList<>(rates)));
            versions.add(new Version(rule.version(), rule.effectiveFrom(), new ArrayList<>(rule.levelRates()),
                    categories));
        }
        return new CommissionRules(commission.maxLevels(),
                commission.selfReferral() == PipelineConfig.SelfReferralPolicy.exclude,
                commission.holdDays(), versions);
    }

    /** The version in force on the accrual date: the greatest effective-from on or before it. */
    public Optional<Version> versionOn(LocalDate accrualDate) {
        return versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(accrualDate))
                .max(Comparator.comparing(Version::effectiveFrom));
    }

    /** The first day any version is in force: orders before it earn nothing. */
    public LocalDate firstEffectiveDate() {
        return versions.stream().map(Version::effectiveFrom).min(Comparator.naturalOrder()).orElseThrow();
    }
}
