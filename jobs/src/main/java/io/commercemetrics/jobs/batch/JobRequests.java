package io.commercemetrics.jobs.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.stream.Stream;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameter;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * A job's identifying parameters are its request (warehouse, inputs and their fingerprint, period,
 * as-of, configuration hash, ...) plus {@link #LAUNCH}, the run that first launched it. The same
 * request again resumes the last execution of it when that one failed or was stopped (Spring Batch
 * then skips the steps it completed); after a completed one it is a new launch, so asking again
 * always does the work.
 */
public final class JobRequests {

    /** The run id of the command that created the job instance; a resumed execution keeps it. */
    public static final String LAUNCH = "launch";
    /** How many instances back the search for the same request looks. */
    private static final int LOOK_BACK = 200;

    private JobRequests() {
    }

    /** The newest execution of {@code job} made for exactly this request (launch aside), if any. */
    static Optional<JobExecution> latest(JobExplorer explorer, String job, JobParameters request) {
        for (JobInstance instance : explorer.getJobInstances(job, 0, LOOK_BACK)) {
            JobExecution last = explorer.getLastJobExecution(instance);
            if (last != null && sameRequest(last.getJobParameters(), request)) {
                return Optional.of(last);
            }
        }
        return Optional.empty();
    }

    static boolean sameRequest(JobParameters parameters, JobParameters request) {
        return identifying(parameters).equals(identifying(request));
    }

    private static Map<String, Object> identifying(JobParameters parameters) {
        Map<String, Object> values = new java.util.TreeMap<>();
        for (Map.Entry<String, JobParameter<?>> entry : parameters.getIdentifyingParameters().entrySet()) {
            if (!entry.getKey().equals(LAUNCH)) {
                values.put(entry.getKey(), entry.getValue().getValue());
            }
        }
        return values;
    }

    /**
     * Sections of the configuration that change when or to whom results go, or how the warehouse's
     * file system is reached, never the results: a job resumed after a changed recipient, schedule
     * or S3 endpoint is still the same request.
     */
    static final Set<String> NOT_THE_REQUEST = Set.of("delivery", "schedule", "hadoop");

    /** The hash of the configuration in force, without the sections that are {@link #NOT_THE_REQUEST}. */
    public static String configHash(String configYaml) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode tree = yaml.readTree(configYaml);
            if (tree instanceof ObjectNode object) {
                object.remove(NOT_THE_REQUEST);
                return hash(yaml.writeValueAsString(object));
            }
            return hash(configYaml);
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of a text: short enough to read, long enough never to collide. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the input files are now, as path, size and modification time of every file under them:
     * a changed or added export is a new request (never the resume of a failed run on other files),
     * the same files again are the same request. Contents are hashed later, by ingest itself.
     */
    public static String fingerprint(List<Path> inputs) {
        List<String> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                files.add(input + " missing");
                continue;
            }
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(file.toAbsolutePath() + " " + Files.size(file) + " "
                            + Files.getLastModifiedTime(file).toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + input, e);
            }
        }
        return hash(String.join("\n", files));
    }
}
