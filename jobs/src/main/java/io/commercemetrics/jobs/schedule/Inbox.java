package io.commercemetrics.jobs.schedule;

import io.commercemetrics.jobs.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder platforms drop their exports into. Ingest identifies a file by its location, and a
 * platform drops a new {@code orders.csv} every day: so each file is first moved to
 * {@code archive/<date>/} (a folder of its own per day, {@code <date>-2} and on when a name is taken)
 * and ingested from there. Its archived path is its identity for good: two days' {@code orders.csv}
 * are two files, each adding its rows, and the quarantine names a file that still exists. A file
 * ingest cannot read at all goes on to {@code rejected/}, with {@code <name>.reason} beside it.
 */
public final class Inbox {

    static final String ARCHIVE = "archive";
    static final String REJECTED = "rejected";
    /** In an archive folder whose files have not been through ingest yet: the next ingest takes them again. */
    static final String NOT_INGESTED_YET = ".not-ingested-yet";
    static final String REASON_SUFFIX = ".reason";

    private final Path folder;

    public Inbox(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /**
     * Moves the files waiting in the inbox to {@code archive/<day>/} and returns every archived file
     * not ingested yet: these, and those of an earlier claim whose ingest did not get done.
     */
    public List<Path> claim(LocalDate day) {
        try {
            List<Path> waiting = waiting();
            if (!waiting.isEmpty()) {
                Path target = archiveFolder(day, waiting);
                Files.createDirectories(target);
                // marked before the first move: a crash in between leaves the folder to be ingested again
                touch(target.resolve(NOT_INGESTED_YET));
                Path settings = folder.resolve(ConfigLoader.FOLDER_CONFIG_NAME);
                if (Files.isRegularFile(settings)) {
                    // ingest reads the settings of the folder a file is in: the archived files keep the inbox's
                    Files.copy(settings, target.resolve(ConfigLoader.FOLDER_CONFIG_NAME),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                for (Path file : waiting) {
                    Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return notIngestedYet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the inbox's files to its archive: " + e.getMessage(), e);
        }
    }

    /** Marks the archive folders of these files as ingested: no later claim hands them over again. */
    public void ingested(Collection<Path> files) {
        try {
            for (Path day : files.stream().map(Path::getParent).distinct().toList()) {
                Files.deleteIfExists(day.resolve(NOT_INGESTED_YET));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves an archived file ingest could not read to {@code rejected/} with its reason beside it. A
     * name already there gets its archive folder's date ({@code orders-2026-11-03.csv}), which still
     * names the same source: fixed, the file can go back into the inbox as it is.
     */
    public Path reject(Path archived, String reason) {
        try {
            Path rejected = Files.createDirectories(folder.resolve(REJECTED));
            String name = archived.getFileName().toString();
            Path target = rejected.resolve(name);
            String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String extension = name.substring(stem.length());
            String day = archived.getParent().getFileName().toString();
            for (int n = 1; Files.exists(target) || Files.exists(reasonOf(target)); n++) {
                target = rejected.resolve(stem + "-" + day + (n == 1 ? "" : "-" + n) + extension);
            }
            Files.move(archived, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(reasonOf(target), reason + System.lineSeparator(), StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + archived + " to " + folder.resolve(REJECTED), e);
        }
    }

    private static Path reasonOf(Path file) {
        return file.resolveSibling(file.getFileName() + REASON_SUFFIX);
    }

    /**
     * The files directly in the inbox, but for its settings and what is still being written: a
     * platform writes under a hidden name or with {@code .part}/{@code .tmp} and renames when done.
     */
    List<Path> waiting() throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).filter(Inbox::isExport).sorted().toList();
        }
    }

    private static boolean isExport(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp")
                && !name.equals(ConfigLoader.FOLDER_CONFIG_NAME);
    }

    /** {@code archive/<day>}, or the first of {@code <day>-2}, {@code <day>-3}... where none of the names is taken. */
    private Path archiveFolder(LocalDate day, List<Path> files) {
        Path archive = folder.resolve(ARCHIVE);
        for (int n = 1; ; n++) {
            Path candidate = archive.resolve(n == 1 ? day.toString() : day + "-" + n);
            if (files.stream().noneMatch(f -> Files.exists(candidate.resolve(f.getFileName())))) {
                return candidate;
            }
        }
    }

    private List<Path> notIngestedYet() throws IOException {
        Path archive = folder.resolve(ARCHIVE);
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> days = Files.list(archive)) {
            for (Path day : days.filter(d -> Files.exists(d.resolve(NOT_INGESTED_YET))).sorted().toList()) {
                try (Stream<Path> children = Files.list(day)) {
                    children.filter(Files::isRegularFile).filter(Inbox::isExport).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    private static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }
}
