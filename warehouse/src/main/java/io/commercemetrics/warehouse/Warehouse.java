package io.commercemetrics.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a warehouse lives, as docs/warehouse.md lays it out. Two places: {@code location}, where
 * the Iceberg tables keep their files (a local folder, or any Hadoop file system: {@code hdfs://},
 * {@code s3a://}), and {@code root}, a local folder for what a run keeps on the machine that runs
 * it (the job repository and catalog database when embedded, ingest's per-file staging, manifests,
 * Spark's scratch, the locks). For a local warehouse both are the same folder. One place names
 * them so no step builds a path by hand.
 *
 * @param root     the local folder
 * @param location the tables' root: the same folder, or a Hadoop file system URI
 */
public record Warehouse(Path root, String location) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URI_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    public Warehouse {
        root = root.toAbsolutePath().normalize();
        location = location == null ? root.toString() : stripTrailingSlash(location);
    }

    /** A warehouse in a local folder. */
    public Warehouse(Path root) {
        this(root, null);
    }

    /**
     * What {@code --warehouse} names: a local folder, or a Hadoop file system URI whose local part
     * goes to {@code state} (default {@code var/state/<scheme>_<host>_<path>}).
     */
    public static Warehouse of(String warehouse, Path state) {
        java.util.regex.Matcher uri = URI_SCHEME.matcher(warehouse);
        if (!uri.matches() || uri.group(1).equalsIgnoreCase("file")) {
            String path = uri.matches() ? java.net.URI.create(warehouse).getPath() : warehouse;
            return new Warehouse(Path.of(path));
        }
        String location = stripTrailingSlash(warehouse);
        requireFileSystem(uri.group(1).toLowerCase(java.util.Locale.ROOT), warehouse);
        Path local = state != null ? state
                : Path.of("var", "state", location.replaceAll("^([a-zA-Z0-9+.-]+)://", "$1_")
                        .replaceAll("[^A-Za-z0-9._-]+", "_"));
        return new Warehouse(local, location);
    }

    /**
     * A scheme no Hadoop file system on the class path serves is a usage error found at once, not a
     * job failing with "No FileSystem for scheme" after Spark started. This build carries HDFS and
     * S3 ({@code s3a://}, hadoop-aws and the AWS SDK's S3 modules).
     */
    private static void requireFileSystem(String scheme, String warehouse) {
        try {
            org.apache.hadoop.fs.FileSystem.getFileSystemClass(scheme, new org.apache.hadoop.conf.Configuration());
        } catch (java.io.IOException | RuntimeException e) {
            // unknown scheme: UnsupportedFileSystemException; a scheme Hadoop maps to a class not on the
            // class path (s3:// without an implementation set): a RuntimeException around the ClassNotFoundException
            throw new IllegalArgumentException("--warehouse " + warehouse + ": no Hadoop file system for '" + scheme
                    + "://' on the class path (this build reaches hdfs:// and s3a://)", e);
        }
    }

    /** Whether the tables live on another file system than the local folder. */
    public boolean isRemote() {
        return !location.equals(root.toString());
    }

    /**
     * Where the Iceberg tables keep their files ({@code tables/<namespace>/<table>/data|metadata}).
     * Which files make a table's current content is the catalog's to say, never a folder listing.
     */
    public String tablesLocation() {
        return location + "/tables";
    }

    /**
     * Where ingest's staged files are copied for the cluster to read when the tables are remote
     * ({@code staging/} on the tables' file system).
     */
    public String stagingMirror() {
        return location + "/staging";
    }

    private static String stripTrailingSlash(String text) {
        return text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The folder this local warehouse's tables were made in, when it is not this one: Iceberg's
     * metadata (and the catalog's name) hold the tables' absolute location, so a warehouse moved,
     * copied or reached through another path reads as one without tables. Empty when the tables are
     * where they were made, when there are none yet, and for a remote location (no table files here).
     */
    public Optional<Path> madeElsewhere() {
        Path tables = root.resolve("tables");
        if (isRemote() || !Files.isDirectory(tables)) {
            return Optional.empty();
        }
        // tables/<namespace>/<table>/metadata/<n>-<uuid>.metadata.json
        try (Stream<Path> found = Files.find(tables, 4, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".metadata.json"))) {
            Optional<Path> metadata = found.findFirst();
            if (metadata.isEmpty()) {
                return Optional.empty();
            }
            String location = JSON.readTree(metadata.get().toFile()).path("location").asText("");
            location = location.startsWith("file:") ? java.net.URI.create(location).getPath() : location;
            int at = location.lastIndexOf("/tables/");
            if (location.isEmpty() || location.startsWith(tablesLocation() + "/") || at < 0) {
                return Optional.empty();
            }
            return Optional.of(Path.of(location.substring(0, at)));
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable metadata file is the catalog's to report, with the table it belongs to
            return Optional.empty();
        }
    }

    /**
     * Folders of the earlier layout (Parquet folders renamed into place, {@code metrics/_run.json}):
     * such a warehouse is not read, its user is told to re-ingest.
     */
    public boolean hasEarlierLayout() {
        return Files.exists(root.resolve("metrics").resolve("_run.json"))
                || (Files.isDirectory(root.resolve("raw")) && !Files.isDirectory(root.resolve("tables")));
    }

    /** Per-file staging of ingest: {@code staging/<source>/<name>@<hash>/}. */
    public Path staging() {
        return root.resolve("staging");
    }

    public Path manifests() {
        return root.resolve("manifests");
    }

    /** The configuration the data was last ingested or computed with. */
    public Path recordedConfig() {
        return root.resolve("config.yaml");
    }

    /** When {@code schedule} last fired each trigger, so a restart neither misses nor repeats one. */
    public Path scheduleState() {
        return root.resolve("schedule-state.properties");
    }

    public Path jobRepository() {
        return root.resolve("jobrepo");
    }

    /**
     * The embedded H2 job repository: a file database, so the history survives the process. No
     * AUTO_SERVER: that would listen on a TCP port on every interface (user sa, no password); one
     * process at a time opens the file instead (see JobHistoryLock). No trace file either: it only
     * grew run after run, and an error of the repository reaches the user as the run's error anyway.
     */
    public String jobRepositoryUrl() {
        return "jdbc:h2:file:" + jobRepository().resolve("batch") + ";TRACE_LEVEL_FILE=0";
    }

    /** The embedded database of the job history and the Iceberg catalog. */
    public CatalogDatabase embeddedDatabase() {
        return new CatalogDatabase(jobRepositoryUrl(), null, null);
    }

    /**
     * Spark's scratch space (spark.local.dir) for one run, {@code scratch/<run id>}: under the
     * warehouse rather than /tmp, so what a killed run leaves is found and removed by the next writer.
     */
    public Path scratch(String runId) {
        return scratchRoot().resolve(runId);
    }

    public Path scratchRoot() {
        return root.resolve("scratch");
    }

    /**
     * Whether something was ever written here: a mistyped path given to a command that only reads
     * must be an error, not a new empty warehouse.
     */
    public boolean exists() {
        if (!Files.isDirectory(root)) {
            return false;
        }
        return Stream.of(root.resolve("tables"), root.resolve("raw"), root.resolve("metrics"), manifests(),
                        jobRepository(), recordedConfig())
                .anyMatch(Files::exists);
    }
}
