package io.commercemetrics.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the work runs and where its history is kept. */
public class EngineOptions {

    /**
     * The only way to give the job repository's password: an option would show it in the process list
     * and shell history, and the configuration file is recorded in the warehouse and every manifest.
     */
    static final String PASSWORD_VARIABLE = "COMMERCE_METRICS_JOB_REPOSITORY_PASSWORD";

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: local[*], in this process). E.g. spark://host:7077.")
    String sparkMaster;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL",
            description = "Spring Batch job repository (default: an H2 file in <warehouse>/jobrepo). "
                    + "E.g. jdbc:postgresql://localhost:5432/metrics; its password in $" + PASSWORD_VARIABLE + ".")
    String jobRepositoryUrl;

    @Option(names = "--job-repository-user", paramLabel = "USER", description = "User for --job-repository.")
    String jobRepositoryUser;

    /** The password for --job-repository, from the environment; null when unset. */
    String jobRepositoryPassword() {
        String password = System.getenv(PASSWORD_VARIABLE);
        return password == null || password.isEmpty() ? null : password;
    }

    /** These options as given (the password stays in the environment), for a command run on the same engine. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (sparkMaster != null) {
            args.addAll(List.of("--master", sparkMaster));
        }
        if (jobRepositoryUrl != null) {
            args.addAll(List.of("--job-repository", jobRepositoryUrl));
        }
        if (jobRepositoryUser != null) {
            args.addAll(List.of("--job-repository-user", jobRepositoryUser));
        }
        return args;
    }
}
