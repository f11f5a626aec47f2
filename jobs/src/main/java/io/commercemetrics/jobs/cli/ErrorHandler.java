package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobFailedException;
import io.commercemetrics.jobs.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong in one line a user can act on; the stack trace only with
 * {@code COMMERCE_METRICS_DEBUG=1}. Exit codes: 1 a job failed, 2 bad usage or configuration.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int JOB_FAILED = 1;
    static final int BAD_USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        Throwable shown = e;
        if (!(e instanceof JobFailedException) && e.getCause() instanceof JobFailedException failed) {
            shown = failed;
        }
        commandLine.getErr().println("error: " + shown.getMessage());
        if ("1".equals(System.getenv("COMMERCE_METRICS_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println("(set COMMERCE_METRICS_DEBUG=1 for the stack trace)");
        }
        boolean usage = e instanceof ConfigException || e instanceof IllegalArgumentException;
        return usage ? BAD_USAGE : JOB_FAILED;
    }
}
