package io.commercemetrics.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Binds the {@code imports:} section (kept apart from {@link ConfigBinder} so each stays small). */
final class ImportSettingsBinder {

    private ImportSettingsBinder() {
    }

    static ImportSettings bind(JsonNode imports) {
        JsonNode channels = imports.path("channels");
        JsonNode shareCode = imports.path("share-code");
        JsonNode ads = imports.path("ad-campaigns");
        return new ImportSettings(
                new ImportSettings.ChannelRules(
                        words(channels.path("utm-medium"), "imports.channels.utm-medium"),
                        words(channels.path("utm-source"), "imports.channels.utm-source"),
                        words(channels.path("referring-site"), "imports.channels.referring-site"),
                        words(channels.path("source"), "imports.channels.source"),
                        channel(channels.path("default"), "imports.channels.default")),
                new ImportSettings.ShareCode(blankToNull(shareCode.path("note-attribute").asText("")),
                        blankToNull(shareCode.path("utm-parameter").asText(""))),
                new ImportSettings.AdCampaigns(words(ads.path("match"), "imports.ad-campaigns.match"),
                        channel(ads.path("default"), "imports.ad-campaigns.default")));
    }

    /** An open map of word to channel; keys are matched case-insensitively, so they are kept lower case. */
    private static Map<String, String> words(JsonNode node, String key) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new ConfigException(key + " must be a mapping of word: channel");
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey().toLowerCase(Locale.ROOT),
                channel(e.getValue(), key + "." + e.getKey())));
        // the order is the order of matching: first match wins
        return Collections.unmodifiableMap(map);
    }

    private static String channel(JsonNode node, String key) {
        String text = node.isValueNode() ? node.asText("").trim() : "";
        if (text.isEmpty()) {
            throw new ConfigException(key + " must name a channel (search, ads, direct, social_share, ...)");
        }
        return text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
