package io.commercemetrics.jobs.ingest.platform;

import java.nio.charset.Charset;

/**
 * One contract source's view of a recognised platform file: what ingest needs to open it.
 *
 * @param linesAboveHeader the title lines to skip before the header row
 */
public record PlatformExport(String source, PlatformFormat format, ImportContext context, Charset charset,
                             int linesAboveHeader) {

    /** Whether this view reports the file's broken CSV records (one source does, so each is reported once). */
    public boolean reportsBrokenRecords() {
        return format.sources().get(0).equals(source);
    }
}
