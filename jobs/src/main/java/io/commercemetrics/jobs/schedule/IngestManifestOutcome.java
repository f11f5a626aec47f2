package io.commercemetrics.jobs.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files an ingest run could not read at all, from its manifest: a file rejected whole (its
 * {@code rejection}), or a file it did not take as an export (named in a notice, not among its
 * files: a header no format matches, a spreadsheet). Files are matched by location, as ingest
 * identifies them.
 */
final class IngestManifestOutcome {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestManifestOutcome() {
    }

    static IngestOutcome read(Path manifest, List<Path> files) {
        JsonNode doc;
        try {
            doc = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ingest manifest " + manifest, e);
        }
        Map<String, String> rejectionByLocation = new HashMap<>();
        for (JsonNode file : doc.path("files")) {
            String location = file.path("path").asText();
            JsonNode rejection = file.path("rejection");
            if (!rejection.isNull() && !rejection.isMissingNode()) {
                rejectionByLocation.put(location, rejection.asText());
            } else {
                // read (as one source of a platform export, or several): never rejected then
                rejectionByLocation.putIfAbsent(location, null);
            }
        }
        Map<Path, String> rejected = new LinkedHashMap<>();
        for (Path file : files) {
            String location = location(file);
            if (!rejectionByLocation.containsKey(location)) {
                rejected.put(file, notice(doc, file));
            } else if (rejectionByLocation.get(location) != null) {
                rejected.put(file, rejectionByLocation.get(location));
            }
        }
        return new IngestOutcome(rejected);
    }

    /** What ingest said of a file it did not read, without the path it starts with. */
    private static String notice(JsonNode doc, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        for (JsonNode notice : doc.path("notices")) {
            String text = notice.asText();
            int at = text.indexOf(path);
            if (at >= 0) {
                String rest = text.substring(at + path.length()).replaceFirst("^: ", "");
                String before = text.substring(0, at).replaceFirst(":\\s*$", "");
                return rest.isBlank() ? before : rest;
            }
        }
        return "not read by ingest: not an export of any source";
    }

    private static String location(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize().toString();
        }
    }
}
