package io.commercemetrics.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per warehouse at a time: two ingests or metrics runs interleaving their rebuilds could
 * publish a mix of both. Readers (export, report) need no lock, since tables are replaced
 * atomically. The lock is an OS file lock on {@code <warehouse>/.lock}, so it is released even when
 * the process dies.
 */
public final class WarehouseLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException naming the run that holds the warehouse, when another one does */
    public static WarehouseLock acquire(Warehouse warehouse, String runId) {
        Path file = warehouse.root().resolve(".lock");
        try {
            Files.createDirectories(warehouse.root());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("the warehouse " + warehouse.root() + " is being written by run "
                        + (holder.isEmpty() ? "(unknown)" : holder) + "; wait for it to finish");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(runId.getBytes(StandardCharsets.UTF_8)), 0);
            return new WarehouseLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
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
