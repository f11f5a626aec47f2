package io.commercemetrics.jobs;

/** Entry point of the runnable jar; the CLI is being built. */
public final class CommerceMetricsApplication {

    private CommerceMetricsApplication() {
    }

    public static void main(String[] args) {
        System.out.println("commerce-metrics: CLI under construction");
    }
}
