package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.ingest.platform.CustomerPseudonyms;
import io.commercemetrics.jobs.ingest.platform.PlatformExport;
import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import io.commercemetrics.jobs.ingest.platform.Recognition;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The golden side of the platform adapters: a platform sample turned into contract CSV per
 * source, to compare with hand-worked expected files in which {@code {label}} stands for a
 * customer's pseudonym under a fixed test salt.
 */
final class PlatformGolden {

    static final Path RESOURCES = Path.of("src", "test", "resources", "platform");
    private static final String SALT = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private PlatformGolden() {
    }

    /** A warehouse folder with the fixed salt, and the imports that use it. */
    static PlatformImports imports(Path warehouse, String... overrides) throws IOException {
        Path salt = warehouse.resolve(CustomerPseudonyms.SALT_FILE);
        Files.createDirectories(salt.getParent());
        Files.writeString(salt, SALT + "\n");
        IngestOptions options = new IngestOptions(List.of(), warehouse, IngestFixtures.config(overrides), "t", null);
        return new PlatformImports(options.config().imports(), warehouse, null);
    }

    /** Per fed source, the records as contract CSV (header of every field, then one line per record). */
    static Map<String, String> render(Path file, PlatformImports imports) throws Exception {
        Recognition recognition = imports.recognise(file).orElseThrow();
        assertThat(recognition.rejection()).isNull();
        Map<String, String> csv = new LinkedHashMap<>();
        for (PlatformExport export : recognition.exports()) {
            TableSchema schema = Sources.byName(export.source()).orElseThrow();
            ExportFile exportFile = new ExportFile(export.source(), file, file.toAbsolutePath(), ExportFormat.CSV,
                    file.toString().endsWith(".gz"), export);
            StringBuilder text = new StringBuilder(schema.fields().stream().map(Field::name)
                    .collect(Collectors.joining(","))).append('\n');
            try (PlatformExportRecords records = new PlatformExportRecords(export,
                    ExportInput.openText(exportFile, export.charset()), schema.fields().size())) {
                while (records.next()) {
                    assertThat(records.problem()).as("line " + records.line()).isNull();
                    text.append(java.util.Arrays.stream(records.values()).map(PlatformGolden::cell)
                            .collect(Collectors.joining(","))).append('\n');
                }
            }
            csv.put(export.source(), text.toString());
        }
        return csv;
    }

    /** The expected CSV of a source with each {@code {label}} replaced by the pseudonym of its identifier. */
    static String expected(Path file, PlatformImports imports, Map<String, String> labels) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        CustomerPseudonyms pseudonyms = imports.pseudonyms();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String[] kindAndId = label.getValue().split(":", 2);
            text = text.replace("{" + label.getKey() + "}", pseudonyms.of(kindAndId[0], kindAndId[1]));
        }
        return text;
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
