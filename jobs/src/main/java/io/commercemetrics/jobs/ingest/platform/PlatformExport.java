package io.commercemetrics.jobs.ingest.platform;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One contract source's view of a recognised platform file: what ingest needs to open it.
 *
 * @param linesAboveHeader the title lines to skip before the header row
 */
public record PlatformExport(String source, PlatformFormat format, ImportContext context, Charset charset,
                             int linesAboveHeader) {

    /**
     * What besides the bytes decides this view's rows: the format and the {@code imports:} settings
     * (a changed channel map must re-read an unchanged file).
     */
    public String readSettings() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(context.settings().toString().getBytes(StandardCharsets.UTF_8));
            return ";platform=" + format.name() + ";imports=" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this view reports the file's broken CSV records (one source does, so each is reported once). */
    public boolean reportsBrokenRecords() {
        return format.sources().get(0).equals(source);
    }
}
