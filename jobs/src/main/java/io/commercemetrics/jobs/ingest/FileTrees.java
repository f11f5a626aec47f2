package io.commercemetrics.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder moves and deletes for the staging and table swaps. */
final class FileTrees {

    private FileTrees() {
    }

    static void deleteIfExists(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Puts {@code fresh} where {@code target} is. The old folder is first renamed aside, so the
     * target is either the old or the new folder at any instant (plus the moment between the two
     * renames, when it is absent); both renames are atomic on one file system.
     */
    static void replace(Path fresh, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteIfExists(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        deleteIfExists(old);
    }
}
