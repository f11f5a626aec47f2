package io.commercemetrics.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Brings one input file into staging against what its location brought before (issue 8, "File
 * identity and replacement"): the same bytes read the same way are not read again; a successful
 * read replaces the earlier version's rows; a file rejected whole removes nothing, and the earlier
 * version's rows stay until a corrected file is read.
 */
final class FileStaging {

    private final IngestOptions options;
    private final Path staging;
    private final StagingRegistry registry;

    FileStaging(IngestOptions options, Path staging, StagingRegistry registry) {
        this.options = options;
        this.staging = staging;
        this.registry = registry;
    }

    /** What the file replaces, if anything: decided in file order before files are read in parallel. */
    Optional<StagingRegistry.Entry> predecessorOf(ExportFile file) {
        Optional<StagingRegistry.Entry> before = registry.find(file);
        return before.isPresent() ? before : registry.adoptByName(file);
    }

    FileResult stage(ExportFile file, Optional<StagingRegistry.Entry> before) throws IOException {
        long start = System.nanoTime();
        String encoding = options.config().source().encoding();
        String settings = FileIngestor.readSettings(encoding, options.config().source().timeZone())
                + (file.platform() != null ? file.platform().readSettings() : "");
        String sha = ExportInput.unreadable(file) == null ? sha256(file.path()) : null;
        String folder = before.map(StagingRegistry.Entry::folder).orElseGet(() -> StagingRegistry.folderFor(file));
        Path target = staging.resolve(folder);
        if (before.isPresent() && before.get().result().sha256() != null
                && before.get().result().sha256().equals(sha) && before.get().readSettings().equals(settings)
                && Files.isDirectory(target)) {
            if (before.get().rejected() != null) {
                // the file is back to the version that stands: its later rejection no longer applies
                FileIngestor.clearRejection(target);
                registry.put(before.get().withRejected(null));
            }
            options.reading().bytesRead(ExportInput.sizeOnDisk(file));
            options.progress().accept(file.name() + ": unchanged, not read again");
            return before.get().result().asUnchanged((System.nanoTime() - start) / 1_000_000);
        }
        FileResult.Change change = before.isPresent() ? FileResult.Change.CHANGED : FileResult.Change.NEW;
        FileResult result = new FileIngestor(file, encoding, options.config().source().timeZone(), options.runId(), options.reading())
                .stage(target, sha, change);
        // a predecessor that was itself rejected whole brought no rows: there is nothing to replace or keep
        Optional<StagingRegistry.Entry> standing = before.filter(e -> !e.result().rejected());
        String now = Instant.now().toString();
        if (result.rejected() && standing.isPresent()) {
            registry.put(standing.get().withRejected(
                    new StagingRegistry.Rejected(sha, result.rejection(), options.runId(), now)));
        } else {
            registry.put(new StagingRegistry.Entry(result, settings, options.runId(), now, folder, null, null));
        }
        if (standing.isPresent()) {
            result = result.withPredecessor(new FileResult.Predecessor(standing.get().rows(),
                    standing.get().stagedAt()));
        }
        // the replacement is named in the summary, with its counts after the cross-file rules
        options.progress().accept(result.rejected() ? result.outcome() : file.name() + ": "
                + result.rowsRead() + " read, " + result.accepted() + " accepted, " + result.quarantined()
                + " quarantined");
        return result;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
