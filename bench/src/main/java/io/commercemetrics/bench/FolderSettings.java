package io.commercemetrics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings the peer needs from an export folder's {@code commerce-metrics.yaml}: reporting time
 * zone and currency, source time zone. A tiny reader of the two-level YAML the generator writes, so
 * the peer needs no YAML library; defaults as in METRICS.md and DATA.md (UTC).
 */
record FolderSettings(String reportingZone, String reportingCurrency, String sourceZone) {

    static FolderSettings read(Path file) {
        String zone = "UTC";
        String currency = "";
        String sourceZone = "UTC";
        if (Files.exists(file)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String section = "";
            for (String line : lines) {
                String text = line.replaceFirst("\\s+#.*$", "");
                if (text.isBlank() || text.strip().startsWith("#")) {
                    continue;
                }
                String key = text.strip().split(":", 2)[0].strip();
                String value = text.contains(":") ? text.split(":", 2)[1].strip().replace("\"", "") : "";
                if (!Character.isWhitespace(text.charAt(0))) {
                    section = key;
                } else if (section.equals("reporting") && key.equals("time-zone")) {
                    zone = value;
                } else if (section.equals("reporting") && key.equals("currency")) {
                    currency = value;
                } else if (section.equals("source") && key.equals("time-zone")) {
                    sourceZone = value;
                }
            }
        }
        if (currency.isEmpty()) {
            // METRICS.md: without a configured currency, the data's only one; the generator always sets it
            throw new IllegalStateException("the peer needs reporting.currency in " + file);
        }
        return new FolderSettings(zone, currency, sourceZone);
    }
}
