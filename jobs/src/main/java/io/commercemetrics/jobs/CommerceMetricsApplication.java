package io.commercemetrics.jobs;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;

/** Entry point of the runnable jar. */
public final class CommerceMetricsApplication {

    private CommerceMetricsApplication() {
    }

    public static void main(String[] args) {
        System.exit(CommerceMetricsCli.execute(args));
    }
}
