package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.reports.format.TerminalText;
import io.commercemetrics.warehouse.AtomicPublisher;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input corpus (issue 8, Deliver 4): every folder under {@code bad-inputs/} is one case, its
 * input beside an {@code expected.properties} that declares the outcome (see the corpus README).
 * Each case is ingested alone and must get its outcome with read = accepted + quarantined; then all
 * cases are ingested in one run, which must complete with the warehouse built.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "bad-inputs");
    private static final Path WORK = Path.of("target", "bad-inputs-work");

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsDeclaredOutcome() throws IOException {
        AtomicPublisher.deleteRecursively(WORK);
        List<Path> cases;
        try (Stream<Path> folders = Files.list(CORPUS)) {
            cases = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
        }
        tests.add(DynamicTest.dynamicTest("all cases in one run", () -> allInOneRun(cases)));
        return tests.stream();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        AtomicPublisher.deleteRecursively(WORK);
    }

    private static void check(Path corpusCase) throws Exception {
        Properties expected = expected(corpusCase);
        Path in = input(corpusCase, expected);
        Path wh = WORK.resolve(corpusCase.getFileName()).resolve("wh");
        IngestRun run = IngestFixtures.run(in, wh, "corpus");
        boolean crossFile = Boolean.parseBoolean(expected.getProperty("cross-file", "false"));
        List<FileResult> files = new ArrayList<>();
        if (crossFile) {
            files.addAll(run.runAll(SharedSpark.session()).files());
        } else {
            for (String source : run.discover().bySource().keySet()) {
                files.addAll(run.ingestSource(source).files());
            }
        }
        String name = expected.getProperty("file");
        FileResult file = files.stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not ingested; notices: " + run.discover().notices()));
        assertThat(file.rowsRead()).as("read = accepted + quarantined").isEqualTo(file.accepted() + file.quarantined());
        List<Map<String, String>> quarantine = crossFile ? warehouseQuarantine(wh, file)
                : IngestFixtures.stagedQuarantine(wh, file.source(), file.file());
        String reason = expected.getProperty("reason");
        switch (expected.getProperty("outcome")) {
            case "rejected" -> {
                assertThat(file.rejection()).contains(reason);
                assertThat(quarantine).singleElement().satisfies(q -> {
                    assertThat(q.get("reasons")).isEqualTo("file rejected: " + file.rejection());
                    assertThat(q.get("line")).isNull();
                    assertThat(q.get("file")).isEqualTo(file.provenance());
                });
            }
            case "quarantined" -> {
                assertThat(file.rejected()).as(String.valueOf(file.rejection())).isFalse();
                assertThat(new TreeSet<>(quarantine.stream().map(q -> q.get("line")).toList()))
                        .containsExactlyElementsOf(new TreeSet<>(Arrays.asList(expected.getProperty("quarantined-lines")
                                .split(","))));
                assertThat(quarantine).allSatisfy(q -> assertThat(q.get("reasons")).contains(reason));
                assertThat(file.accepted()).isEqualTo(Long.parseLong(expected.getProperty("accepted")));
            }
            case "accepted" -> {
                assertThat(file.rejected()).as(String.valueOf(file.rejection())).isFalse();
                assertThat(quarantine).isEmpty();
                assertThat(file.accepted()).isEqualTo(Long.parseLong(expected.getProperty("accepted")));
            }
            default -> throw new AssertionError("unknown outcome in " + corpusCase);
        }
        if (expected.getProperty("warning") != null) {
            assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains(expected.getProperty("warning")));
        }
    }

    /** Every case together, as a user who points ingest at all those folders at once: the run completes. */
    private static void allInOneRun(List<Path> cases) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (Path c : cases) {
            inputs.add(input(c, expected(c)));
        }
        Path wh = WORK.resolve("all").resolve("wh");
        IngestRun run = new IngestRun(new IngestOptions(inputs, wh, IngestFixtures.config(), "all", line -> { }));
        IngestSummary summary = run.runAll(SharedSpark.session());
        long inputFiles = 0;
        for (Path in : inputs) {
            try (Stream<Path> files = Files.list(in)) {
                inputFiles += files.count();
            }
        }
        // the same names (orders.csv, ...) from different case folders are different files: each is read
        assertThat(summary.notices()).isEmpty();
        assertThat(summary.files()).hasSize((int) inputFiles);
        for (FileResult f : summary.files()) {
            assertThat(f.rowsRead()).as(f.provenance()).isEqualTo(f.accepted() + f.quarantined());
        }
        String table = IngestSummaryTable.render(summary);
        // CJK characters take two columns in a terminal: the row of the Chinese name lines up with the header
        List<String> lines = table.lines().toList();
        String header = lines.get(1);
        String chinese = lines.stream().filter(l -> l.contains("十月")).findFirst().orElseThrow();
        assertThat(TerminalText.width(chinese.substring(0, chinese.indexOf("new") + 3)))
                .isEqualTo(TerminalText.width(header.substring(0, header.indexOf("change") + 3)));
        assertThat(TerminalText.width(chinese)).isEqualTo(TerminalText.width(header));
        String total = lines.stream().filter(l -> l.startsWith("total ")).findFirst().orElseThrow();
        assertThat(TerminalText.width(total)).isEqualTo(TerminalText.width(header));
    }

    private static Properties expected(Path corpusCase) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(corpusCase.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** A copy of the case's input in the work folder, with what the case asks the test to generate. */
    private static Path input(Path corpusCase, Properties expected) throws Exception {
        Path in = WORK.resolve(corpusCase.getFileName()).resolve("in");
        if (Files.exists(in)) {
            return in;
        }
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(corpusCase)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("expected.properties")).toList()) {
                Files.copy(f, in.resolve(f.getFileName().toString()));
            }
        }
        String generate = expected.getProperty("generate");
        if (generate != null) {
            CorpusGenerator.generate(generate, in);
        }
        return in;
    }

    private static List<Map<String, String>> warehouseQuarantine(Path wh, FileResult file) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Row r : WarehouseContents.quarantine(SharedSpark.session(), wh)
                .filter(org.apache.spark.sql.functions.col("file").equalTo(file.provenance())).collectAsList()) {
            Object line = r.getAs("line");
            rows.add(Map.of("line", String.valueOf(line), "reasons", r.getAs("reasons")));
        }
        return rows;
    }
}
