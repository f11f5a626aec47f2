package io.commercemetrics.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * staging/files.json: every file staged so far, by source and name, with its SHA-256, the read
 * settings it was read with and its row-level counts. The same bytes read the same way are
 * "unchanged" and not read again; anything else replaces what the name brought before.
 */
final class StagingRegistry {

    static final String FILE_NAME = "files.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One staged file. {@code readSettings} names what changes how its bytes are read (encoding, zone). */
    record Entry(FileResult result, String readSettings, String runId, String stagedAt) {
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
                    registry.entries.put(key(e.result().source(), e.result().file()), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staging registry " + registry.file, e);
            }
        }
        return registry;
    }

    synchronized Optional<Entry> find(String source, String fileName) {
        return Optional.ofNullable(entries.get(key(source, fileName)));
    }

    synchronized void put(Entry entry) {
        entries.put(key(entry.result().source(), entry.result().file()), entry);
    }

    synchronized List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing((Entry e) -> e.result().source()).thenComparing(e -> e.result().file()));
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

    private static String key(String source, String fileName) {
        return source + "/" + fileName;
    }
}
