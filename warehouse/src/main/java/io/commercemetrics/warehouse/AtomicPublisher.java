package io.commercemetrics.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publishes a folder written aside (a table's new Parquet files) in place of the old one, so a
 * reader never sees half a table: the old folder is renamed away, the new one renamed in, then the
 * old one deleted. Both renames are within one parent folder, hence atomic on local file systems.
 */
public final class AtomicPublisher {

    private AtomicPublisher() {
    }

    /** A fresh sibling of {@code target} to write into, e.g. {@code .orders.tmp-<runId>}. */
    public static Path stagingFor(Path target, String runId) {
        return target.resolveSibling("." + target.getFileName() + ".tmp-" + runId);
    }

    public static void publish(Path written, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            boolean hadOld = Files.exists(target);
            if (hadOld) {
                move(target, old);
            }
            move(written, target);
            if (hadOld) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
