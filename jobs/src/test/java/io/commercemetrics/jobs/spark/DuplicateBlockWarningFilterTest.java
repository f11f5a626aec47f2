package io.commercemetrics.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class DuplicateBlockWarningFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final DuplicateBlockWarningFilter filter = new DuplicateBlockWarningFilter();

    @Test
    void onlyTheDuplicateBlockWarningOfTheBlockManagerIsKeptOff() {
        Logger blockManager = context.getLogger("org.apache.spark.storage.BlockManager");
        String duplicate = "Block rdd_199_0 already exists on this machine; not re-adding it";
        assertThat(decide(blockManager, Level.WARN, duplicate)).isEqualTo(FilterReply.DENY);
        assertThat(decide(blockManager, Level.WARN, "Putting block rdd_199_0 failed due to exception"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(blockManager, Level.ERROR, duplicate)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(context.getLogger("io.commercemetrics.jobs"), Level.WARN, duplicate))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theConsoleConfigurationUsesIt() throws Exception {
        try (var config = getClass().getResourceAsStream("/logback.xml")) {
            assertThat(new String(config.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<turboFilter class=\"" + DuplicateBlockWarningFilter.class.getName() + "\"/>");
        }
    }

    private FilterReply decide(Logger logger, Level level, String message) {
        return filter.decide(null, logger, level, message, null, null);
    }
}
