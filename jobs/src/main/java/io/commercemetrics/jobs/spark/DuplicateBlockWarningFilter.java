package io.commercemetrics.jobs.spark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps one of Spark's warnings off the console: "Block rdd_N_P already exists on this machine; not
 * re-adding it". With adaptive execution, a stage that reads a materialized view can be run again
 * while its first attempt is still computing a partition (the plan changed under it); the second
 * attempt finds the block written and drops its copy. Nothing is lost or computed wrong, and a user
 * reading it would think otherwise. Every other warning of Spark's block manager still shows.
 */
public final class DuplicateBlockWarningFilter extends TurboFilter {

    private static final String LOGGER = "org.apache.spark.storage.BlockManager";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level == Level.WARN && format != null && LOGGER.equals(logger.getName())
                && format.startsWith("Block ") && format.endsWith("already exists on this machine; not re-adding it")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
