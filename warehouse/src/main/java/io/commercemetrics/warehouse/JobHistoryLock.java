package io.commercemetrics.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who has the warehouse's embedded job repository open. H2 in file mode lets one process open the
 * file, and the repository listens on no port, so every command takes this OS file lock on
 * {@code <warehouse>/jobrepo/open.lock} before opening it. Holding it also proves that no other
 * process has the history open: any execution still marked running then belongs to a dead process.
 */
public final class JobHistoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JobHistoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting for the holder when there is one: writers hold the warehouse lock, so
     * the only other holders are readers (export, report, runs), which keep it for seconds.
     */
    public static JobHistoryLock await(Warehouse warehouse, String runId, Consumer<String> progress) {
        FileChannel channel = open(warehouse);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                progress.accept("waiting for " + holder(warehouse) + " to close the job history...");
                lock = channel.lock();
            }
            return claimed(channel, lock, runId);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file(warehouse), e);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalStateException("the job history of " + warehouse.root() + " is open in this process", e);
        }
    }

    /** The lock, or empty when another command has the history open (its run id: {@link #holder}). */
    public static Optional<JobHistoryLock> tryAcquire(Warehouse warehouse, String runId) {
        FileChannel channel = open(warehouse);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(claimed(channel, lock, runId));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file(warehouse), e);
        }
    }

    /** The run that holds the lock, as far as its file says. */
    public static String holder(Warehouse warehouse) {
        try {
            String text = Files.readString(file(warehouse), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "another command" : "run " + text;
        } catch (IOException e) {
            return "another command";
        }
    }

    private static Path file(Warehouse warehouse) {
        return warehouse.jobRepository().resolve("open.lock");
    }

    private static FileChannel open(Warehouse warehouse) {
        try {
            Files.createDirectories(warehouse.jobRepository());
            return FileChannel.open(file(warehouse), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file(warehouse), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the first error is the one worth reporting
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM (an embedding application, a test): as busy as another process
        }
    }

    private static JobHistoryLock claimed(FileChannel channel, FileLock lock, String runId) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(runId.getBytes(StandardCharsets.UTF_8)), 0);
        return new JobHistoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
