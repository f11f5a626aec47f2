package io.commercemetrics.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a process's time went, from a Java Flight Recording (the JDK's own sampling profiler, no agent
 * to install): the CPU samples of the Java threads by what they were doing (the first matching
 * category, searched from the top of each stack), the busiest threads, the hottest frames, and the
 * time the JVM spent compiling and collecting garbage (threads the samples do not see). Also writes
 * the samples as collapsed stacks ({@code frame;frame;frame count}, root first), the input of any
 * flame graph tool (flamegraph.pl, speedscope.app).
 *
 * <pre>java -cp bench/target/duckdb-peer.jar io.commercemetrics.bench.ProfileSummary RECORDING.jfr STACKS.txt</pre>
 */
public final class ProfileSummary {

    /** Searched in order from the top of the stack: the first category a frame matches names the sample. */
    private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("code generation (Janino compiling Spark's generated Java)",
                Pattern.compile("^org\\.codehaus\\.(janino|commons)\\."));
        CATEGORIES.put("class loading", Pattern.compile("^java\\.lang\\.ClassLoader\\.|^jdk\\.internal\\.loader\\."
                + "|^java\\.util\\.zip\\.|^java\\.util\\.jar\\."));
        CATEGORIES.put("task (de)serialization", Pattern.compile("^java\\.io\\.Object(In|Out)putStream\\."
                + "|^org\\.apache\\.spark\\.serializer\\.|^com\\.esotericsoftware\\.kryo\\."));
        CATEGORIES.put("Parquet read/write", Pattern.compile("^org\\.apache\\.parquet\\."));
        CATEGORIES.put("Iceberg (metadata, commits)", Pattern.compile("^org\\.apache\\.iceberg\\."));
        CATEGORIES.put("H2 (job repository, catalog)", Pattern.compile("^org\\.h2\\."));
        CATEGORIES.put("query planning (parse, analyse, optimise, plan)",
                Pattern.compile("^org\\.apache\\.spark\\.sql\\.catalyst\\.(parser|analysis|optimizer|rules)\\."
                        + "|^org\\.apache\\.spark\\.sql\\.execution\\.(QueryExecution|SparkStrategies|SparkPlanner"
                        + "|adaptive\\.AdaptiveSparkPlanExec\\.reOptimize)|^org\\.antlr\\."));
        CATEGORIES.put("running tasks (scans, joins, aggregates)",
                Pattern.compile("^org\\.apache\\.spark\\.executor\\.Executor\\$TaskRunner\\.run"));
        CATEGORIES.put("reading and checking export files (ingest's per-file steps)",
                Pattern.compile("^de\\.siegmar\\.fastcsv\\.|^io\\.commercemetrics\\.jobs\\.ingest\\.(FileIngestor|FileStaging)"));
    }

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ProfileSummary RECORDING.jfr [COLLAPSED_STACKS.txt]");
            System.exit(2);
        }
        Map<String, Long> categories = new LinkedHashMap<>();
        CATEGORIES.keySet().forEach(c -> categories.put(c, 0L));
        categories.put("other", 0L);
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, Long> stacks = new HashMap<>();
        long samples = 0;
        Duration compilation = Duration.ZERO;
        Duration gcPauses = Duration.ZERO;
        Duration recorded = Duration.ZERO;
        java.time.Instant first = null;
        java.time.Instant last = null;
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
                    java.util.Collections.reverse(rootFirst);
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
        System.out.println("samples by what the thread was doing (first match from the top of the stack):");
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
        for (String frame : framesTopFirst) {
            for (Map.Entry<String, Pattern> category : CATEGORIES.entrySet()) {
                if (category.getValue().matcher(frame).find()) {
                    return category.getKey();
                }
            }
        }
        return "other";
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
