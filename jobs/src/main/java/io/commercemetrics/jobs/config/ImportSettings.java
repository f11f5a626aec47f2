package io.commercemetrics.jobs.config;

import java.util.Map;

/**
 * How platform exports (Shopify, a Chinese platform's order export, an ad platform's spend report)
 * are mapped onto the input contract: the {@code imports:} section of the configuration.
 * Map keys are lower case; docs/inputs.md, "Platform exports" explains each rule.
 *
 * @param channels   the order channel from UTM parameters, the referring site and the platform's source
 * @param shareCode  where an order's share code is found
 * @param adCampaigns the channel of an ad campaign, by a word in its name
 */
public record ImportSettings(ChannelRules channels, ShareCode shareCode, AdCampaigns adCampaigns) {

    /**
     * Tried in this order; the first rule that knows the value wins.
     *
     * @param utmMedium     {@code utm_medium} value to channel
     * @param utmSource     {@code utm_source} value to channel
     * @param referringSite a word of the referring host ({@code google} matches {@code www.google.com})
     * @param source        the platform's own order source ({@code web}, {@code pos}, 手机淘宝, ...)
     * @param fallback      the channel when no rule knows the order
     */
    public record ChannelRules(Map<String, String> utmMedium, Map<String, String> utmSource,
                               Map<String, String> referringSite, Map<String, String> source, String fallback) {
    }

    /**
     * @param noteAttribute the order note attribute that carries the share code (Shopify), or null
     * @param utmParameter  the landing-site query parameter that carries it, or null
     */
    public record ShareCode(String noteAttribute, String utmParameter) {
    }

    /**
     * @param match    a word of the campaign name (case-insensitive) to channel, first match wins
     * @param fallback the channel of every other campaign
     */
    public record AdCampaigns(Map<String, String> match, String fallback) {
    }
}
