package io.commercemetrics.jobs.ingest.platform;

import io.commercemetrics.jobs.config.ImportSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * An order's channel from what a platform records about the visit that bought:
 * {@code utm_medium}, then {@code utm_source} (from the landing site's query), then the referring
 * site's host, then the platform's own order source; the first the configuration knows decides.
 * UTM parameters come first because the shop set them on purpose; a referrer is only a trace.
 */
public final class OrderChannel {

    private final ImportSettings.ChannelRules rules;

    OrderChannel(ImportSettings.ChannelRules rules) {
        this.rules = rules;
    }

    public String of(String landingSite, String referringSite, String source) {
        String medium = lower(UrlQuery.param(landingSite, "utm_medium"));
        if (medium != null && rules.utmMedium().containsKey(medium)) {
            return rules.utmMedium().get(medium);
        }
        String utmSource = lower(UrlQuery.param(landingSite, "utm_source"));
        if (utmSource != null && rules.utmSource().containsKey(utmSource)) {
            return rules.utmSource().get(utmSource);
        }
        String host = host(referringSite);
        if (host != null) {
            for (Map.Entry<String, String> rule : rules.referringSite().entrySet()) {
                if (hostHas(host, rule.getKey())) {
                    return rule.getValue();
                }
            }
        }
        String own = lower(source);
        if (own != null && rules.source().containsKey(own)) {
            return rules.source().get(own);
        }
        return rules.fallback();
    }

    /** Whether {@code word} is whole labels of the host: google in www.google.com or google.de, t.co but not art.co. */
    static boolean hostHas(String host, String word) {
        return host.equals(word) || host.startsWith(word + ".") || host.endsWith("." + word)
                || host.contains("." + word + ".");
    }

    /** The host of a referring site given as a URL or a bare host name. */
    static String host(String site) {
        if (site == null || site.isBlank()) {
            return null;
        }
        String text = site.trim();
        try {
            String host = new URI(text.contains("://") ? text : "http://" + text).getHost();
            return host == null ? text.toLowerCase(Locale.ROOT) : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static String lower(String text) {
        return text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
