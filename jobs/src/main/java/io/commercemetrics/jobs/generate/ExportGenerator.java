package io.commercemetrics.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a shop's exports, one {@code <source>.csv} per source of DATA.md, that tell the
 * product's story (traditional funnel beside social sharing), plus the folder's
 * {@code commerce-metrics.yaml}. Needs no Spark. The same settings give byte-identical files.
 */
public final class ExportGenerator {

    /** The settings file written beside the exports: the shop reports in CNY, Shanghai time. */
    public static final String FOLDER_CONFIG = """
            # Settings of this export folder, written by `commerce-metrics generate`.
            reporting:
              time-zone: Asia/Shanghai
              currency: CNY
            """;
    public static final String FOLDER_CONFIG_NAME = "commerce-metrics.yaml";

    /** Stateless: one instance may serve any number of generations, one at a time or in parallel. */
    public ExportGenerator() {
    }

    public GenerationSummary generate(GeneratorSettings settings) {
        long started = System.nanoTime();
        Path out = settings.out();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + out, e);
        }
        settings.progress().accept("generating " + settings.months() + " months to " + settings.endDate() + " for about "
                + settings.customers() + " customers (seed " + settings.seed() + ") into " + out);
        Simulation simulation;
        ExportFiles files = new ExportFiles(out);
        try (files) {
            simulation = new Simulation(settings, files);
            simulation.run();
        }
        try {
            Files.writeString(out.resolve(FOLDER_CONFIG_NAME), FOLDER_CONFIG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(FOLDER_CONFIG_NAME), e);
        }
        GenerationSummary summary = new GenerationSummary(out, files.rowCounts(), simulation.customers(),
                simulation.orderCount(), simulation.planter.planted(), Duration.ofNanos(System.nanoTime() - started));
        settings.progress().accept("wrote " + summary.orders() + " orders of " + summary.customers() + " customers, "
                + summary.plantedBadRows().size() + " deliberately bad rows, in " + summary.elapsed().toMillis() + " ms");
        return summary;
    }
}
