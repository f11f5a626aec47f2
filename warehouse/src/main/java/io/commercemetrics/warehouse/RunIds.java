package io.commercemetrics.warehouse;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by start time and never collide: {@code 20261124-051500-3fa2}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(Clock clock) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
