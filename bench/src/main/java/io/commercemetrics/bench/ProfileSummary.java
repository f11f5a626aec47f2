package io.commercemetrics.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a process's time went, from a Java Flight Recording (the JDK's own sampling profiler, no agent
 * to install): the CPU samples of the Java threads by what they were doing (see {@link #category}), the busiest threads, the hottest frames, and the
 * time the JVM spent compiling and collecting garbage (threads the samples do not see). Also writes
 * the samples as collapsed stacks ({@code frame;frame;frame count}, root first), the input of any
 * flame graph tool (flamegraph.pl, speedscope.app).
 *
 * <pre>java -cp bench/target/duckdb-peer.jar io.commercemetrics.bench.ProfileSummary RECORDING.jfr STACKS.txt</pre>
 */
public final class ProfileSummary {

    /**
     * Work that can happen anywhere, in a task or on the driver: the innermost (nearest the top of the
     * stack) names the sample.
     */
    private static final Map<String, Pattern> INNER = new LinkedHashMap<>();
    /** Not inside any of those: a task thread's sample is running the task; a driver's, one of these. */
    private static final String TASKS = "running tasks (scans, joins, aggregates, writes)";
    private static final Pattern TASK_THREAD = Pattern.compile("^org\\.apache\\.spark\\.executor\\.Executor\\$TaskRunner\\.run");
    private static final Map<String, Pattern> DRIVER = new LinkedHashMap<>();

    static {
        INNER.put("code generation (Janino compiling Spark's generated Java)",
                Pattern.compile("^org\\.codehaus\\.(janino|commons)\\."));
        INNER.put("class loading", Pattern.compile("^java\\.lang\\.ClassLoader\\.|^jdk\\.internal\\.loader\\."
                + "|^java\\.util\\.zip\\.|^java\\.util\\.jar\\."));
        INNER.put("task serialization and closure cleaning",
                Pattern.compile("^java\\.io\\.Object(In|Out)putStream\\.|^org\\.apache\\.spark\\.serializer\\."
                        + "|^com\\.esotericsoftware\\.kryo\\.|^org\\.apache\\.spark\\.util\\.ClosureCleaner"));
        INNER.put("Parquet read/write", Pattern.compile("^org\\.apache\\.parquet\\."));
        INNER.put("Iceberg (metadata, commits)", Pattern.compile("^org\\.apache\\.iceberg\\."));
        INNER.put("H2 (job repository, catalog)", Pattern.compile("^org\\.h2\\."));
        INNER.put("reading and checking export files (ingest's per-file steps)",
                Pattern.compile("^de\\.siegmar\\.fastcsv\\.|^io\\.commercemetrics\\.jobs\\.ingest\\.(FileIngestor|FileStaging)"));
        DRIVER.put("query planning (parse, analyse, optimise)",
                Pattern.compile("^org\\.apache\\.spark\\.sql\\.catalyst\\.|^org\\.antlr\\."));
        DRIVER.put("physical planning and adaptive re-planning",
                Pattern.compile("^org\\.apache\\.spark\\.sql\\.execution\\."));
        DRIVER.put("scheduling jobs and tasks", Pattern.compile("^org\\.apache\\.spark\\.scheduler\\."));
    }

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ProfileSummary RECORDING.jfr [COLLAPSED_STACKS.txt]");
            System.exit(2);
        }
        Map<String, Long> categories = new LinkedHashMap<>();
        INNER.keySet().forEach(c -> categories.put(c, 0L));
        categories.put(TASKS, 0L);
        DRIVER.keySet().forEach(c -> categories.put(c, 0L));
        categories.put("other", 0L);
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, Long> stacks = new HashMap<>();
        long samples = 0;
        Duration compilation = Duration.ZERO;
        Duration gcPauses = Duration.ZERO;
        Duration recorded = Duration.ZERO;
        Instant first = null;
        Instant last = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
            last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace trace = event.getStackTrace();
                    if (trace == null) {
                        continue;
                    }
                    samples++;
                    List<String> frames = trace.getFrames().stream().map(ProfileSummary::name).toList();
                    categories.merge(category(frames), 1L, Long::sum);
                    String thread = event.getThread("sampledThread") == null ? "?"
                            : event.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
                    if (!frames.isEmpty()) {
                        topFrames.merge(frames.get(0), 1L, Long::sum);
                    }
                    List<String> rootFirst = new ArrayList<>(frames);
                    Collections.reverse(rootFirst);
                    stacks.merge(String.join(";", rootFirst), 1L, Long::sum);
                }
                case "jdk.CompilerStatistics" -> {
                    Duration total = event.getDuration("totalTimeSpent");
                    compilation = total.compareTo(compilation) > 0 ? total : compilation;
                }
                case "jdk.GarbageCollection" -> gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                default -> { }
            }
        }
        if (first != null) {
            recorded = Duration.between(first, last);
        }
        System.out.printf("recording: %s, %.1f s; %,d CPU samples of Java threads%n", args[0],
                recorded.toMillis() / 1000.0, samples);
        System.out.printf("JIT compilation (compiler threads, not sampled): %.1f s; GC pauses: %.1f s%n",
                compilation.toMillis() / 1000.0, gcPauses.toMillis() / 1000.0);
        System.out.println();
        System.out.println("samples by what the thread was doing:");
        print(categories, samples, categories.size());
        System.out.println();
        System.out.println("samples by thread:");
        print(threads, samples, 8);
        System.out.println();
        System.out.println("hottest frames (the method running when sampled):");
        print(topFrames, samples, 12);
        if (args.length > 1) {
            Path out = Path.of(args[1]);
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, Long> stack : stacks.entrySet()) {
                    writer.write(stack.getKey() + " " + stack.getValue());
                    writer.newLine();
                }
            }
            System.out.println();
            System.out.println("collapsed stacks for a flame graph: " + out);
        }
    }

    static String category(List<String> framesTopFirst) {
        return innermost(framesTopFirst, INNER)
                .or(() -> framesTopFirst.stream().anyMatch(f -> TASK_THREAD.matcher(f).find())
                        ? Optional.of(TASKS) : Optional.empty())
                .or(() -> innermost(framesTopFirst, DRIVER))
                .orElse("other");
    }

    private static Optional<String> innermost(List<String> framesTopFirst, Map<String, Pattern> categories) {
        for (String frame : framesTopFirst) {
            for (Map.Entry<String, Pattern> category : categories.entrySet()) {
                if (category.getValue().matcher(frame).find()) {
                    return Optional.of(category.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Long> counts, long total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).filter(e -> e.getValue() > 0)
                .forEach(e -> System.out.printf("  %5.1f %%  %,7d  %s%n", 100.0 * e.getValue() / Math.max(total, 1),
                        e.getValue(), e.getKey()));
    }
}
