package io.commercemetrics.jobs.ingest.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A query parameter of a landing-site URL (Shopify gives it as a path, {@code /products/x?utm_source=y}). */
final class UrlQuery {

    private UrlQuery() {
    }

    static String param(String url, String name) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
