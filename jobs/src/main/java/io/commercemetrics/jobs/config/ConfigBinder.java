package io.commercemetrics.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercemetrics.warehouse.HadoopSettings;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;

/** Turns the merged YAML tree into a {@link PipelineConfig}, with an error naming any bad key. */
final class ConfigBinder {

    private ConfigBinder() {
    }

    static PipelineConfig bind(JsonNode root) {
        JsonNode reporting = root.path("reporting");
        JsonNode source = root.path("source");
        JsonNode channels = root.path("channels");
        JsonNode attribution = root.path("attribution");
        JsonNode commission = root.path("commission");

        String currency = blankToNull(reporting.path("currency").asText(""));
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new ConfigException("reporting.currency must be an ISO 4217 code, got: " + currency);
        }
        String encoding = blankToNull(source.path("encoding").asText(""));
        if (encoding != null && !Charset.isSupported(encoding)) {
            throw new ConfigException("source.encoding: unknown encoding " + encoding);
        }
        return new PipelineConfig(
                new PipelineConfig.Reporting(zone(reporting, "reporting.time-zone"), currency),
                new PipelineConfig.SourceSettings(zone(source, "source.time-zone"), encoding),
                new PipelineConfig.Channels(strings(channels.path("social")), strings(channels.path("traditional"))),
                new PipelineConfig.Repurchase(positiveInts(root.path("repurchase").path("windows-days"),
                        "repurchase.windows-days")),
                new PipelineConfig.Attribution(
                        enumValue(PipelineConfig.AttributionModel.class, attribution.path("model"), "attribution.model"),
                        nonNegative(attribution.path("window-days"), "attribution.window-days")),
                new PipelineConfig.Commission(
                        nonNegative(commission.path("max-levels"), "commission.max-levels"),
                        enumValue(PipelineConfig.SelfReferralPolicy.class, commission.path("self-referral"),
                                "commission.self-referral"),
                        nonNegative(commission.path("hold-days"), "commission.hold-days"),
                        decimal(commission.path("min-payout"), "commission.min-payout"),
                        dayOfMonth(commission.path("payday"), "commission.payday"),
                        rules(commission.path("rules"))),
                ImportSettingsBinder.bind(root.path("imports")),
                DeliverySettingsBinder.bind(root.path("delivery")),
                new PipelineConfig.Schedule(cron(root.path("schedule"), "ingest"),
                        cron(root.path("schedule"), "weekly-report"), cron(root.path("schedule"), "monthly-reports")),
                hadoop(root.path("hadoop")));
    }

    /** The {@code hadoop:} map: whole Hadoop keys to plain values; a credential among them is refused. */
    private static HadoopSettings hadoop(JsonNode node) {
        Map<String, String> settings = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode()) {
                throw new ConfigException("hadoop." + e.getKey() + ": write each Hadoop key whole with a plain "
                        + "value, e.g. fs.s3a.endpoint: http://127.0.0.1:9000");
            }
            settings.put(e.getKey(), e.getValue().asText());
        });
        try {
            return new HadoopSettings(settings);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** A cron expression of the schedule section (Spring's six fields), or null when empty: that trigger is off. */
    private static CronExpression cron(JsonNode schedule, String key) {
        String text = blankToNull(schedule.path(key).asText(""));
        if (text == null) {
            return null;
        }
        try {
            return CronExpression.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("schedule." + key + ": not a cron expression (six fields: second minute hour "
                    + "day-of-month month day-of-week, e.g. \"0 0 2 * * *\"), got: " + text);
        }
    }

    private static List<PipelineConfig.RuleVersion> rules(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException("commission.rules must list at least one rule version");
        }
        List<PipelineConfig.RuleVersion> rules = new ArrayList<>();
        for (JsonNode rule : node) {
            String version = rule.path("version").asText("");
            if (version.isBlank()) {
                throw new ConfigException("commission.rules: every version needs a name");
            }
            String where = "commission.rules[" + version + "]";
            LocalDate from;
            try {
                from = LocalDate.parse(rule.path("effective-from").asText(""));
            } catch (DateTimeParseException e) {
                throw new ConfigException(where + ".effective-from must be a date YYYY-MM-DD");
            }
            Map<String, List<BigDecimal>> categories = new LinkedHashMap<>();
            rule.path("category-rates").fields().forEachRemaining(e ->
                    categories.put(e.getKey(), rates(e.getValue(), where + ".category-rates." + e.getKey())));
            rules.add(new PipelineConfig.RuleVersion(version, from,
                    rates(rule.path("level-rates"), where + ".level-rates"), Map.copyOf(categories)));
        }
        return List.copyOf(rules);
    }

    private static List<BigDecimal> rates(JsonNode node, String key) {
        if (!node.isArray()) {
            throw new ConfigException(key + " must be a list of rates");
        }
        List<BigDecimal> rates = new ArrayList<>();
        for (JsonNode rate : node) {
            BigDecimal value = decimal(rate, key);
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw new ConfigException(key + ": a rate must lie between 0 and 1, got " + value.toPlainString());
            }
            rates.add(value);
        }
        return List.copyOf(rates);
    }

    private static BigDecimal decimal(JsonNode node, String key) {
        try {
            // decimalValue of a YAML float would go through double; read the text instead
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a decimal number, got: " + node.asText());
        }
    }

    private static ZoneId zone(JsonNode parent, String key) {
        String text = parent.path(key.substring(key.indexOf('.') + 1)).asText("");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException(key + ": unknown time zone " + text);
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return List.copyOf(values);
    }

    private static List<Integer> positiveInts(JsonNode node, String key) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0) {
                throw new ConfigException(key + " must list whole numbers of days above 0, got: " + n.asText());
            }
            values.add(n.asInt());
        }
        return List.copyOf(values);
    }

    private static int nonNegative(JsonNode node, String key) {
        if (!node.isIntegralNumber() || node.asInt() < 0) {
            throw new ConfigException(key + " must be a whole number >= 0, got: " + node.asText());
        }
        return node.asInt();
    }

    private static int dayOfMonth(JsonNode node, String key) {
        if (!node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > 31) {
            throw new ConfigException(key + " must be a day of the month from 1 to 31, got: " + node.asText());
        }
        return node.asInt();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String key) {
        try {
            return Enum.valueOf(type, node.asText("").toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            throw new ConfigException(key + " must be one of " + allowed + ", got: " + node.asText());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
