package io.commercemetrics.jobs.ingest;

import java.util.List;
import java.util.Map;

/**
 * What the cross-file step built.
 *
 * @param rawRows            rows now in raw/&lt;source&gt;/ by source
 * @param quarantineRows     rows now in quarantine/ (every staged rejection plus the cross-file ones)
 * @param rejectedByFile     per "source/file", the rows a cross-file rule rejected, by reason
 * @param supersededByFile   per "source/file", order rows a newer version replaced
 * @param reportingCurrency  the currency fx coverage was checked against, or null when not checked
 */
public record CrossFileResult(Map<String, Long> rawRows, long quarantineRows,
                              Map<String, Map<String, Long>> rejectedByFile, Map<String, Long> supersededByFile,
                              List<String> warnings, String reportingCurrency, long millis) {

    static String key(String source, String file) {
        return source + "/" + file;
    }
}
