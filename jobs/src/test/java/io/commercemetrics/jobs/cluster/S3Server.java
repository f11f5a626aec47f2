package io.commercemetrics.jobs.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * A real S3 server on 127.0.0.1, on a port the system picks, inside the test JVM: S3Proxy (the S3
 * REST API, AWS signatures V2 and V4 checked against one access key) over jclouds' file-system
 * blob store, its buckets folders under the given folder. {@link #hadoopSettings()} are the
 * {@code fs.s3a.*} settings a user gives for an S3-compatible store (MinIO, Ceph, ...): endpoint,
 * path-style access, region; the keys go to the client through the environment, as a user's do.
 */
public final class S3Server implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;

    private S3Server(BlobStoreContext context, S3Proxy proxy, String accessKey, String secretKey) {
        this.context = context;
        this.proxy = proxy;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts the server with its buckets under {@code folder}; requests must be signed with these keys. */
    public static S3Server start(Path folder, String accessKey, String secretKey) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", Files.createDirectories(folder).toString());
        // by its metadata, not its id: an id makes jclouds load every provider on the class path, S3Proxy's
        // Azure one too, whose client the test class path leaves out
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemApiMetadata()).credentials(accessKey, secretKey)
                .overrides(properties).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        S3Server server = new S3Server(context, proxy, accessKey, secretKey);
        try {
            proxy.start();
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start in " + STARTUP_TIMEOUT
                            + ": " + proxy.getState());
                }
                Thread.sleep(20);
            }
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** The keys of every object in the bucket under {@code prefix}, read through the blob store. */
    public List<String> objectKeys(String bucket, String prefix) {
        BlobStore store = context.getBlobStore();
        return store.list(bucket, ListContainerOptions.Builder.prefix(prefix).recursive()).stream()
                .filter(object -> object.getType() == org.jclouds.blobstore.domain.StorageType.BLOB)
                .map(StorageMetadata::getName).sorted().toList();
    }

    /**
     * What a user writes under {@code hadoop:} to reach an S3-compatible store: its endpoint (plain
     * HTTP here, as its scheme says), path-style URLs (no bucket subdomains on 127.0.0.1) and a region
     * for the signature.
     */
    public Map<String, String> hadoopSettings() {
        return Map.of("fs.s3a.endpoint", endpoint(),
                "fs.s3a.path.style.access", "true",
                "fs.s3a.endpoint.region", "us-east-1");
    }

    /** The environment a user sets for S3A's default credential chain. */
    public Map<String, String> credentialsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", accessKey, "AWS_SECRET_ACCESS_KEY", secretKey);
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
