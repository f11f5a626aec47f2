package io.commercemetrics.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-data/ is what the generator writes with the defaults, and its README tells the truth. */
class SampleDataTest {

    @TempDir
    static Path temp;
    private static Path sampleData;
    private static GenerationSummary regenerated;
    private static List<String> readme;

    @BeforeAll
    static void regenerate() throws IOException {
        sampleData = findSampleData();
        regenerated = new ExportGenerator().generate(GeneratorSettings.defaults(temp));
        readme = Files.readAllLines(sampleData.resolve("README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void committedFilesAreByteForByteWhatTheDefaultsGenerate() throws IOException {
        Map<String, String> committed = ExportGeneratorTest.sha256OfEveryFile(sampleData);
        committed.remove("README.md");
        assertThat(committed).isEqualTo(ExportGeneratorTest.sha256OfEveryFile(temp));
    }

    @Test
    void readmeRowCountsMatchTheFiles() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : readme) {
            List<String> cells = cells(line);
            if (cells.size() == 3 && cells.get(0).endsWith(".csv")) {
                counts.put(cells.get(0), Long.parseLong(cells.get(1)));
            }
        }
        assertThat(counts).isEqualTo(regenerated.rowsByFile());
    }

    @Test
    void everyBadRowIsExactlyWhereTheReadmeSays() {
        List<PlantedBadRow> listed = new ArrayList<>();
        for (String line : readme) {
            List<String> cells = cells(line);
            if (cells.size() == 6 && cells.get(0).endsWith(".csv")) {
                String value = cells.get(4).equals("(empty)") ? "" : cells.get(4).substring(1, cells.get(4).length() - 1);
                listed.add(new PlantedBadRow(cells.get(0), Long.parseLong(cells.get(1)), BadRowKind.valueOf(cells.get(2)),
                        cells.get(3), value));
            }
        }
        Comparator<PlantedBadRow> byPlace = Comparator.comparing(PlantedBadRow::file).thenComparingLong(PlantedBadRow::line);
        assertThat(listed).hasSize(regenerated.plantedBadRows().size());
        assertThat(listed.stream().sorted(byPlace).toList())
                .isEqualTo(regenerated.plantedBadRows().stream().sorted(byPlace).toList());
        PlantedBadRowsTest.assertPlantedRowsHold(new ExportFolder(sampleData), listed);
    }

    // Markdown table cells; a value sits in backticks, so stripping keeps a leading space inside them.
    private static List<String> cells(String line) {
        if (!line.startsWith("| ")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Path findSampleData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("sample-data/README.md"))) {
                return dir.resolve("sample-data");
            }
        }
        throw new IllegalStateException("no sample-data/README.md above " + Path.of("").toAbsolutePath());
    }
}
