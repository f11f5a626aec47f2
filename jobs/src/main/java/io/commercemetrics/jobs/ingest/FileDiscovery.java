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

    /** As above; a file whose name matches no source is then recognised by its header (docs/platform-imports.md). */
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
            } else if (Files.isRegularFile(input)) {
                classify(input, bySource, notices, false, platforms);
            } else {
                notices.add("input not found: " + input);
            }
        }
        bySource.values().forEach(files -> files.sort(Comparator.comparing(ExportFile::name)));
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
                    return Optional.of(new ExportFile(source.name(), file, format, gzip));
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
                if (files.stream().anyMatch(f -> f.name().equals(file.getFileName().toString()))) {
                    notices.add("same file name as an earlier input, not read as " + p.source() + ": " + file);
                } else {
                    files.add(new ExportFile(p.source(), file, ExportFormat.CSV, file.toString().endsWith(".gz"), p));
                }
            }
            if (byHeader.get().rejected()) {
                notices.add("rejected: " + file + ": " + byHeader.get().rejection());
            }
            return;
        }
        if (export.isPresent()) {
            List<ExportFile> files = bySource.get(export.get().source());
            // staging keeps one file per name: a second input of the same name would overwrite the first
            if (files.stream().anyMatch(f -> f.name().equals(export.get().name()))) {
                notices.add("same file name as an earlier input, not read: " + file);
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

    private static List<Path> list(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
