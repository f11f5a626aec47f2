package io.commercemetrics.jobs.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one generation wrote.
 *
 * @param out             the folder written
 * @param rowsByFile      data rows (header excluded) per file name, in {@code Sources} order
 * @param customers       distinct customers with at least one order
 * @param orders          distinct order ids
 * @param plantedBadRows  the deliberately broken records, in the order they were written
 * @param elapsed         wall time of the generation (not part of any file)
 */
public record GenerationSummary(Path out, Map<String, Long> rowsByFile, long customers, long orders,
                                List<PlantedBadRow> plantedBadRows, Duration elapsed) {

    public GenerationSummary {
        rowsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByFile));
        plantedBadRows = List.copyOf(plantedBadRows);
    }
}
