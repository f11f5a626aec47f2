package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.engine.Constants;
import org.junit.jupiter.api.Test;

/**
 * The embedded warehouse database (job history, Iceberg catalog, run records, closes) must be an H2
 * that keeps what it committed across a close and a reopen. H2 2.3.232 does not always: it committed
 * the last changes before compacting the file on close, and the compaction could lose recent chunks
 * (h2database issue 4247, fixed in 2.4.240). Seen here as a run record, a close and a metrics run's last
 * commits missing after the database was closed and opened again. A downgrade must fail here, not in
 * finance's closed month.
 */
class EmbeddedDatabaseVersionTest {

    @Test
    void theEmbeddedDatabaseIsAnH2WithTheFixForDataLostByCompactionOnClose() {
        int version = Constants.VERSION_MAJOR * 10_000 + Constants.VERSION_MINOR * 1_000 + Constants.BUILD_ID;

        assertThat(version).as("H2 %s.%s.%s", Constants.VERSION_MAJOR, Constants.VERSION_MINOR, Constants.BUILD_ID)
                .isGreaterThanOrEqualTo(2 * 10_000 + 4 * 1_000 + 240);
    }
}
