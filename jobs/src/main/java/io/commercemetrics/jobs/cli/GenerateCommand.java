package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.generate.ExportGenerator;
import io.commercemetrics.jobs.generate.GenerationSummary;
import io.commercemetrics.jobs.generate.GeneratorSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes synthetic exports. It touches no warehouse, so it needs no job repository and runs as a
 * plain command rather than a Batch job.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic exports of every source of docs/inputs.md (CSV) that tell the product's story: "
                + "a traditional funnel beside social sharing, with refunds, reviews, two currencies, payouts and "
                + "a few deliberately bad rows. The same seed gives byte-identical files.", ""})
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the exports into.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    // no picocli default: a given --customers and a given --orders are told apart, and only one may be given
    @Option(names = "--customers", paramLabel = "N",
            description = "About how many customers buy (default: " + GeneratorSettings.DEFAULT_CUSTOMERS + ").")
    Integer customers;

    @Option(names = "--orders", paramLabel = "N",
            description = "About how many orders to write, instead of --customers; every other source follows in "
                    + "proportion (for benchmarks: --orders 1000000).")
    Long orders;

    @Option(names = "--months", paramLabel = "N", defaultValue = "12",
            description = "Months of history (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--end-date", paramLabel = "DATE", defaultValue = "2026-10-31",
            description = "Last day of the data (default: ${DEFAULT-VALUE}; fixed so output is reproducible).")
    LocalDate endDate;

    @Override
    public Integer call() {
        if (customers != null && orders != null) {
            throw new ParameterException(spec.commandLine(), "give --customers or --orders, not both");
        }
        int sized;
        try {
            sized = orders != null ? GeneratorSettings.customersForOrders(orders)
                    : customers != null ? customers : GeneratorSettings.DEFAULT_CUSTOMERS;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GeneratorSettings settings = new GeneratorSettings(out, seed, sized, months, endDate, System.out::println);
        GenerationSummary summary = new ExportGenerator().generate(settings);
        for (Map.Entry<String, Long> file : summary.rowsByFile().entrySet()) {
            System.out.printf("  %-14s %,10d rows%n", file.getKey(), file.getValue());
        }
        return 0;
    }
}
