package io.commercemetrics.jobs.ingest.platform;

/**
 * What one contract source sees of a platform file: each platform row becomes one record of the
 * source, or none. A view is made for one pass over one file, so it may remember earlier rows
 * (the order a line item belongs to).
 */
public interface SourceView {

    /** The record's values by the source's field index, in the contract's text forms; null for no record. */
    String[] map(PlatformRow row);
}
