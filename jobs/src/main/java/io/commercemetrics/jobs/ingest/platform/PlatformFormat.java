package io.commercemetrics.jobs.ingest.platform;

import java.util.List;
import java.util.Set;

/**
 * A platform's own export format (Shopify's orders export, an ad platform's spend report, ...),
 * recognised by its header and read as records of the contract sources it feeds. One class per
 * platform; register it in {@link PlatformImports#FORMATS}.
 */
public interface PlatformFormat {

    /** The name users see, in messages and docs: {@code shopify-orders}. */
    String name();

    /**
     * The columns that identify the format: the file must have, of each group, at least one name
     * (alternatives cover the platform's spellings across versions).
     */
    List<List<String>> signature();

    /** The contract sources it feeds, in ingest order; the first also reports broken CSV records. */
    List<String> sources();

    /** Columns holding personal data, replaced in the raw text the warehouse keeps. */
    Set<String> personalColumns();

    /** How many title lines may stand above the header (ad reports print a report name and dates there). */
    default int maxLinesAboveHeader() {
        return 0;
    }

    SourceView view(String source, PlatformHeader header, ImportContext context);

    default boolean recognises(PlatformHeader header) {
        return missing(header).isEmpty();
    }

    /** The signature columns the header lacks (the first spelling of each missing group). */
    default List<String> missing(PlatformHeader header) {
        return signature().stream().filter(group -> header.firstPresent(group) == null)
                .map(group -> group.get(0)).toList();
    }
}
