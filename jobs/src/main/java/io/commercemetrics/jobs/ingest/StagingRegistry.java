package io.commercemetrics.jobs.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableWriter;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * staging/files.json: every file staged so far, by location, with its SHA-256, the read settings it
 * was read with and its row-level counts. The same bytes read the same way are "unchanged" and not
 * read again; a successful read replaces what the location brought before; a rejected one keeps it.
 *
 * <p>Registries written before files were identified by location have entries without a path,
 * keyed by source and name: they stay in the warehouse as they are, and the first file of that
 * name ingested afterwards takes them over as its predecessor (see {@link #adoptByName}).
 */
final class StagingRegistry {

    static final String FILE_NAME = "files.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One staged file. {@code readSettings} names what changes how its bytes are read (encoding, zone);
     * {@code folder} is its staging folder relative to staging/; {@code rejected} the newest version of
     * the file that was rejected whole while {@code result}'s version stayed, or null.
     */
    record Entry(FileResult result, String readSettings, String runId, String stagedAt, String folder,
                 Rejected rejected, Long warehouseRows) {

        Entry {
            // entries of registries written before staging folders were named by location
            folder = folder != null ? folder : result.source() + "/" + result.file();
        }

        Entry withRejected(Rejected latest) {
            return new Entry(result, readSettings, runId, stagedAt, folder, latest, warehouseRows);
        }

        /** The rows of this version as its run's summary showed them: after the cross-file rules, when known. */
        long rows() {
            return warehouseRows != null ? warehouseRows : result.accepted();
        }

        boolean legacy() {
            return result.path() == null;
        }
    }

    /** A version of a file rejected whole; the version before it stands. */
    record Rejected(String sha256, String reason, String runId, String at) {
    }

    record Document(List<Entry> files) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();

    private StagingRegistry(Path file) {
        this.file = file;
    }

    static StagingRegistry load(Path stagingDir) {
        StagingRegistry registry = new StagingRegistry(stagingDir.resolve(FILE_NAME));
        if (Files.isRegularFile(registry.file)) {
            try {
                for (Entry e : JSON.readValue(registry.file.toFile(), Document.class).files()) {
                    registry.entries.put(key(e.result()), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staging registry " + registry.file, e);
            }
        }
        return registry;
    }

    /** The staging folder of a file not staged before: its name, and a hash of its location that keeps it apart. */
    static String folderFor(ExportFile file) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(file.location().toString().getBytes(StandardCharsets.UTF_8));
            return file.source() + "/" + file.name() + "@" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized Optional<Entry> find(ExportFile file) {
        return Optional.ofNullable(entries.get(locationKey(file.source(), file.location().toString())));
    }

    /**
     * The entry a file staged under its bare name only (by an older version) left, re-keyed to this
     * file's location; empty when there is none. Called in file order, so of several files of that
     * name in one run the first in DATA.md's order takes it over.
     */
    synchronized Optional<Entry> adoptByName(ExportFile file) {
        Entry legacy = entries.remove(nameKey(file.source(), file.name()));
        if (legacy == null) {
            return Optional.empty();
        }
        // read settings cleared: the adopted rows carry the bare name as _file, so the file is read again
        Entry adopted = new Entry(legacy.result().at(file.location().toString()), "", legacy.runId(),
                legacy.stagedAt(), legacy.folder(), legacy.rejected(), legacy.warehouseRows());
        entries.put(key(adopted.result()), adopted);
        return Optional.of(adopted);
    }

    /**
     * Records how many rows of a file read in this run the warehouse kept after the cross-file rules,
     * so a later replacement or rejection names the figure the user saw ("replaced 2,799 rows by ...").
     */
    synchronized void recordWarehouseRows(FileResult file) {
        Entry e = entries.get(key(file));
        if (e != null && e.rejected() == null && !e.result().rejected()) {
            entries.put(key(file), new Entry(e.result(), e.readSettings(), e.runId(), e.stagedAt(), e.folder(),
                    null, file.accepted()));
        }
    }

    synchronized void put(Entry entry) {
        entries.put(key(entry.result()), entry);
    }

    synchronized List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing((Entry e) -> e.result().source()).thenComparing(e -> e.result().file())
                .thenComparing(e -> e.result().provenance()));
        return list;
    }

    /** Written to a temporary file and renamed, so a crash never leaves half a registry. */
    synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(tmp.toFile(), new Document(entries()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staging registry " + file, e);
        }
    }

    /**
     * Publishes the registry as the warehouse's table {@code ingest.files} (one snapshot per ingest):
     * what was ingested, from where, with which hash and counts, readable by any Iceberg engine and
     * by the metrics run's provenance wherever the warehouse lives. The file in staging/ stays the
     * working copy beside the staged rows it describes.
     */
    synchronized void publish(WarehouseCatalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries()) {
            FileResult r = e.result();
            Rejected later = e.rejected();
            rows.add(new Object[] {r.source(), r.provenance(), r.file(), r.sha256(), r.rowsRead(), r.accepted(),
                    r.quarantined(), e.warehouseRows(), r.rejection(), e.readSettings(), e.runId(),
                    instant(e.stagedAt()), later == null ? null : later.sha256(),
                    later == null ? null : later.reason(), later == null ? null : later.runId(),
                    later == null ? null : instant(later.at())});
        }
        new TableWriter(catalog).replace(TableIds.FILES, IngestTables.FILES, rows);
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String key(FileResult result) {
        return result.path() != null ? locationKey(result.source(), result.path())
                : nameKey(result.source(), result.file());
    }

    /** By source too: a platform's export (a Shopify orders file) feeds several sources from one location. */
    private static String locationKey(String source, String location) {
        return "location:" + source + "@" + location;
    }

    private static String nameKey(String source, String name) {
        return "name:" + source + "/" + name;
    }
}
