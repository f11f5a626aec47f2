package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.ingest.platform.PlatformExport;
import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import io.commercemetrics.jobs.ingest.platform.Recognition;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the export files among the inputs (DATA.md "Recognising a file"): files named directly,
 * or the files directly inside a named folder. Names are case-sensitive.
 */
public final class FileDiscovery {

    private FileDiscovery() {
    }

    public static DiscoveredFiles discover(List<Path> inputs) {
        return discover(inputs, new PlatformImports(ConfigLoader.defaults().load().imports(), null, null));
    }

    /** As above; a file whose name matches no source is then recognised by its header (docs/inputs.md, "Platform exports"). */
    public static DiscoveredFiles discover(List<Path> inputs, PlatformImports platforms) {
        Map<String, List<ExportFile>> bySource = new LinkedHashMap<>();
        Sources.ALL.forEach(s -> bySource.put(s.name(), new ArrayList<>()));
        List<String> notices = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path child : list(input)) {
                    if (Files.isDirectory(child)) {
                        notices.add("subfolder not read: " + child);
                    } else {
                        classify(child, bySource, notices, true, platforms);
                    }
                }
            } else if (Files.isRegularFile(input) || Files.isSymbolicLink(input)) {
                // a dangling link is classified too: ingest rejects it with its reason, the rest is read
                classify(input, bySource, notices, false, platforms);
            } else {
                notices.add("input not found: " + input);
            }
        }
        // DATA.md "files in name order"; files of the same name from different folders then by location
        bySource.values().forEach(files -> files.sort(Comparator.comparing(ExportFile::name)
                .thenComparing(f -> f.location().toString())));
        bySource.values().removeIf(List::isEmpty);
        return new DiscoveredFiles(bySource, List.copyOf(notices));
    }

    /** The export a file name denotes, or empty when it matches no source. */
    public static Optional<ExportFile> recognise(Path file) {
        String name = file.getFileName().toString();
        boolean gzip = name.endsWith(".gz");
        String base = gzip ? name.substring(0, name.length() - 3) : name;
        for (ExportFormat format : ExportFormat.values()) {
            String suffix = "." + format.extension();
            if (!base.endsWith(suffix)) {
                continue;
            }
            String stem = base.substring(0, base.length() - suffix.length());
            for (TableSchema source : Sources.ALL) {
                // "orders-2026.csv" is orders, but "order_lines.csv" must not be taken for orders
                if (stem.equals(source.name()) || stem.startsWith(source.name() + "-")) {
                    return Optional.of(new ExportFile(source.name(), file, locationOf(file), format, gzip));
                }
            }
        }
        return Optional.empty();
    }

    private static void classify(Path file, Map<String, List<ExportFile>> bySource, List<String> notices,
                                 boolean inFolder, PlatformImports platforms) {
        Optional<ExportFile> export = recognise(file);
        Optional<Recognition> byHeader = export.isPresent() ? Optional.empty() : platforms.recognise(file);
        if (byHeader.isPresent()) {
            for (PlatformExport p : byHeader.get().exports()) {
                List<ExportFile> files = bySource.get(p.source());
                Path location = locationOf(file);
                // the same file named twice (a folder and a file in it, or a link to it) is read once
                if (files.stream().anyMatch(f -> f.location().equals(location))) {
                    notices.add("same file as an earlier input, not read again as " + p.source() + ": " + file);
                } else {
                    files.add(new ExportFile(p.source(), file, location, ExportFormat.CSV,
                            file.toString().endsWith(".gz"), p));
                }
            }
            if (byHeader.get().rejected()) {
                notices.add("rejected: " + file + ": " + byHeader.get().rejection());
            }
            return;
        }
        if (export.isPresent()) {
            List<ExportFile> files = bySource.get(export.get().source());
            // the same file named twice (a folder and a file in it, or a link to it) is read once
            if (files.stream().anyMatch(f -> f.location().equals(export.get().location()))) {
                notices.add("same file as an earlier input, not read again: " + file);
            } else {
                files.add(export.get());
            }
            return;
        }
        String name = file.getFileName().toString();
        // an export folder carries its settings and docs: expected, not worth a notice
        if (inFolder && (name.equals(ConfigLoader.FOLDER_CONFIG_NAME) || name.startsWith("README"))) {
            return;
        }
        notices.add("not an export of any source, left alone: " + file);
    }

    /** The canonical path, or the absolute one when it cannot be resolved (the file is then rejected). */
    static Path locationOf(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
