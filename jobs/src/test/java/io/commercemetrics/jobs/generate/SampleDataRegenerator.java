package io.commercemetrics.jobs.generate;

import java.nio.file.Path;

/**
 * Regenerates a folder of exports from the test classpath until the CLI's {@code generate}
 * command is wired: {@code java -cp ... SampleDataRegenerator OUT [SEED CUSTOMERS MONTHS]}.
 * Prints the row counts and the planted bad rows as the Markdown tables of sample-data/README.md.
 */
public final class SampleDataRegenerator {

    private SampleDataRegenerator() {
    }

    public static void main(String[] args) {
        GeneratorSettings settings = GeneratorSettings.defaults(Path.of(args[0])).withProgress(System.err::println);
        if (args.length > 1) {
            settings = settings.withSeed(Long.parseLong(args[1])).withCustomers(Integer.parseInt(args[2]))
                    .withMonths(Integer.parseInt(args[3]));
        }
        GenerationSummary summary = new ExportGenerator().generate(settings);
        System.out.println("| file | rows |");
        System.out.println("|---|---:|");
        summary.rowsByFile().forEach((file, rows) -> System.out.println("| " + file + " | " + rows + " |"));
        System.out.println();
        System.out.println("| file | line | kind | column | value |");
        System.out.println("|---|---:|---|---|---|");
        for (PlantedBadRow row : summary.plantedBadRows()) {
            System.out.println("| " + row.file() + " | " + row.line() + " | " + row.kind() + " | " + row.column()
                    + " | `" + row.value() + "` |");
        }
    }
}
