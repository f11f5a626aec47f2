package io.commercemetrics.jobs.ingest;

import io.commercemetrics.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Makes the staged files readable where Spark's executors run. Ingest reads each export file on
 * the machine that runs it, into the local staging folder; when the warehouse's tables live on
 * another file system (HDFS, S3), the staged files are copied to {@code <warehouse>/staging} there,
 * a file whose copy is missing or differs in size or age only, so the cross-file step reads them
 * from the same place as a cluster would. For a local warehouse the local files are read as they
 * are.
 */
final class StagingMirror {

    private final Warehouse warehouse;
    private final Path localStaging;
    private final Configuration hadoop;
    private final Map<String, String> mirrored = new HashMap<>();

    StagingMirror(Warehouse warehouse, Path localStaging, Configuration hadoop) {
        this.warehouse = warehouse;
        this.localStaging = localStaging;
        this.hadoop = hadoop;
    }

    /** Copies what changed of the staged folders given (relative to the staging folder). */
    void sync(List<String> folders) {
        if (!warehouse.isRemote()) {
            return;
        }
        try {
            FileSystem fs = FileSystem.get(java.net.URI.create(warehouse.stagingMirror()), hadoop);
            for (String folder : folders) {
                Path local = localStaging.resolve(folder);
                if (!Files.isDirectory(local)) {
                    continue;
                }
                org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(warehouse.stagingMirror() + "/"
                        + folder.replace('\\', '/'));
                try (Stream<Path> files = Files.list(local)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(remote,
                                file.getFileName().toString());
                        if (!sameCopy(fs, file, target)) {
                            upload(fs, file, target);
                        }
                        mirrored.put(file.toString(), target.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the staged files to " + warehouse.stagingMirror(), e);
        }
    }

    /**
     * Streams the file through the file system's own {@code create}: the write path every S3-compatible
     * store takes. (S3A's {@code copyFromLocalFile} goes through the AWS transfer manager instead, whose
     * checksum trailers not every S3-compatible store accepts.)
     */
    private static void upload(FileSystem fs, Path file, org.apache.hadoop.fs.Path target) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file);
             org.apache.hadoop.fs.FSDataOutputStream out = fs.create(target, true)) {
            in.transferTo(out);
        }
    }

    /** Where Spark reads a staged file from. */
    String locationOf(Path stagedFile) {
        return mirrored.getOrDefault(stagedFile.toString(), stagedFile.toString());
    }

    private static boolean sameCopy(FileSystem fs, Path local, org.apache.hadoop.fs.Path remote) throws IOException {
        if (!fs.exists(remote)) {
            return false;
        }
        FileStatus status = fs.getFileStatus(remote);
        return status.getLen() == Files.size(local)
                && status.getModificationTime() >= Files.getLastModifiedTime(local).toMillis();
    }
}
