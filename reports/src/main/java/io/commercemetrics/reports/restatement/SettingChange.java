package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.restatement.Figure.Setting;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A recorded setting that differs between two runs' records: the commission rule versions, the
 * reporting currency, the reporting time zone or the data end.
 */
public record SettingChange(Setting setting, String previous, String current) {

    static List<SettingChange> between(MetricsRunRecord earlier, MetricsRunRecord later) {
        List<SettingChange> changes = new ArrayList<>();
        compare(changes, Setting.RULE_VERSIONS, earlier, later, run -> String.join(", ", run.ruleVersions()));
        compare(changes, Setting.REPORTING_CURRENCY, earlier, later, MetricsRunRecord::reportingCurrency);
        compare(changes, Setting.TIME_ZONE, earlier, later, MetricsRunRecord::reportingTimeZone);
        compare(changes, Setting.DATA_END, earlier, later, MetricsRunRecord::dataEnd);
        return changes;
    }

    private static void compare(List<SettingChange> changes, Setting setting, MetricsRunRecord earlier,
                                MetricsRunRecord later, Function<MetricsRunRecord, String> value) {
        String before = value.apply(earlier);
        String after = value.apply(later);
        if (!Objects.equals(before, after)) {
            changes.add(new SettingChange(setting, before, after));
        }
    }

    /** {@code commission rules: default → default, 2026-11} */
    public String description() {
        return setting.label() + ": " + shown(previous) + " → " + shown(current);
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }
}
