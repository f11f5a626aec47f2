package io.commercemetrics.jobs.cli;

import picocli.CommandLine.Option;

/** Where the work runs and where its history is kept. */
public class EngineOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: local[*], in this process). E.g. spark://host:7077.")
    String sparkMaster;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL",
            description = "Spring Batch job repository (default: an H2 file in <warehouse>/jobrepo). "
                    + "E.g. jdbc:postgresql://localhost:5432/metrics")
    String jobRepositoryUrl;

    @Option(names = "--job-repository-user", paramLabel = "USER", description = "User for --job-repository.")
    String jobRepositoryUser;

    @Option(names = "--job-repository-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            defaultValue = "${env:COMMERCE_METRICS_JOB_REPOSITORY_PASSWORD}",
            description = "Password for --job-repository (default: $COMMERCE_METRICS_JOB_REPOSITORY_PASSWORD).")
    String jobRepositoryPassword;
}
