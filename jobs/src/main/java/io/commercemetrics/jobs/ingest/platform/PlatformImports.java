package io.commercemetrics.jobs.ingest.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercemetrics.jobs.config.ImportSettings;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Recognises export files by their header rather than their name: a platform's own export
 * becomes one view per contract source it feeds; any other .csv, .jsonl or .parquet file is
 * rejected with the closest known format and the columns it lacks. Files of other kinds (README,
 * settings, spreadsheets) are not candidates and are left alone as before.
 */
public final class PlatformImports {

    /** Every platform format, in the order they are tried. */
    public static final List<PlatformFormat> FORMATS = List.of(new ShopifyOrdersExport(), new ChineseOrdersExport(),
            new AdSpendReport());

    private static final List<String> CANDIDATE_SUFFIXES = List.of(".csv", ".jsonl", ".parquet");

    private final ImportContext context;
    private final String configuredEncoding;

    public PlatformImports(ImportSettings settings, Path warehouse, String configuredEncoding) {
        this.context = new ImportContext(settings, new CustomerPseudonyms(warehouse));
        this.configuredEncoding = configuredEncoding;
    }

    /** The pseudonyms platform customers get in this warehouse. */
    public CustomerPseudonyms pseudonyms() {
        return context.pseudonyms();
    }

    /** Empty when the file is not a candidate export at all. */
    public Optional<Recognition> recognise(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (CANDIDATE_SUFFIXES.stream().noneMatch(base::endsWith)) {
            return Optional.empty();
        }
        if (base.endsWith(".parquet")) {
            return Optional.of(Recognition.rejected("a Parquet export is recognised by its name only: name it "
                    + "<source>.parquet or <source>-<anything>.parquet"));
        }
        try {
            return Optional.of(base.endsWith(".jsonl") ? byKeys(file) : byHeader(file));
        } catch (IOException e) {
            return Optional.of(Recognition.rejected("cannot read its header: " + e.getMessage()));
        }
    }

    private Recognition byHeader(Path file) throws IOException {
        HeaderSample sample;
        try {
            sample = HeaderSample.read(file, configuredEncoding);
        } catch (java.nio.charset.CharacterCodingException e) {
            return Recognition.rejected("its header is neither UTF-8 nor GB18030 text");
        }
        List<PlatformHeader> headers = new ArrayList<>();
        for (int i = 0; i < sample.lines().size(); i++) {
            PlatformHeader header = new PlatformHeader(sample.cells(i));
            headers.add(header);
            for (PlatformFormat format : FORMATS) {
                if (i <= format.maxLinesAboveHeader() && format.recognises(header)) {
                    List<PlatformExport> exports = new ArrayList<>();
                    for (String source : format.sources()) {
                        exports.add(new PlatformExport(source, format, context, sample.charset(), i));
                    }
                    return Recognition.of(exports);
                }
            }
        }
        return headers.isEmpty() ? Recognition.rejected("empty file: no header row")
                : Recognition.rejected(closest(headers, ".csv"));
    }

    private static Recognition byKeys(Path file) throws IOException {
        HeaderSample sample = HeaderSample.read(file, null);
        List<String> keys = new ArrayList<>();
        if (!sample.lines().isEmpty()) {
            try {
                JsonNode first = new ObjectMapper().readTree(sample.lines().get(0));
                Iterator<String> names = first == null ? java.util.Collections.emptyIterator() : first.fieldNames();
                names.forEachRemaining(keys::add);
            } catch (IOException e) {
                return Recognition.rejected("its first line is not a JSON object");
            }
        }
        return Recognition.rejected(closest(List.of(new PlatformHeader(keys)), ".jsonl"));
    }

    /** The sentence that rejects a file: the known format its header comes closest to, and what it lacks. */
    static String closest(List<PlatformHeader> headers, String extension) {
        String best = null;
        List<String> bestMissing = null;
        double bestScore = 0;
        boolean contract = false;
        for (PlatformHeader header : headers) {
            for (PlatformFormat format : FORMATS) {
                List<String> missing = format.missing(header);
                double score = 1 - (double) missing.size() / format.signature().size();
                if (score > bestScore) {
                    best = format.name();
                    bestMissing = missing;
                    bestScore = score;
                    contract = false;
                }
            }
            for (TableSchema source : Sources.ALL) {
                List<String> required = source.requiredFields().stream().map(Field::name).toList();
                List<String> missing = required.stream().filter(c -> !header.has(c)).toList();
                double score = 1 - (double) missing.size() / required.size();
                if (score > bestScore) {
                    best = source.name();
                    bestMissing = missing;
                    bestScore = score;
                    contract = true;
                }
            }
        }
        if (best == null) {
            return "matches no known export: none of its columns belongs to a source of the input contract or to "
                    + String.join(", ", FORMATS.stream().map(PlatformFormat::name).toList());
        }
        if (contract && bestMissing.isEmpty()) {
            // DATA.md recognises contract files by name; saying which name is clearer than guessing
            return "its header is that of " + best + ", but its name is not: name it " + best + extension + " or "
                    + best + "-<anything>" + extension + " to ingest it";
        }
        return "matches no known export; closest: " + best + " (missing: " + String.join(", ", bestMissing) + ")";
    }
}
