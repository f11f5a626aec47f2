package io.commercemetrics.jobs.cli;

import picocli.CommandLine;

/** Builds the command line with its error handling; {@link #execute} returns the exit code. */
public final class CommerceMetricsCli {

    private CommerceMetricsCli() {
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CommerceMetricsCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
