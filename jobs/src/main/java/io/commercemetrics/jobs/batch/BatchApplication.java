package io.commercemetrics.jobs.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring context of a run: the job repository (H2 file under the warehouse, or the JDBC URL
 * given), Spring Batch, and the job configurations of this package. Started by {@link JobRuntime}
 * once the command line is parsed, because the repository's location depends on it.
 */
@SpringBootApplication
public class BatchApplication {
}
