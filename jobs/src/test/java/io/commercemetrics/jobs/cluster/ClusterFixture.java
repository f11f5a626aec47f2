package io.commercemetrics.jobs.cluster;

import ch.qos.logback.classic.Level;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.Master;
import org.apache.spark.deploy.worker.Worker;
import org.apache.spark.rpc.RpcEnv;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.Tuple3;

/**
 * An HDFS and a Spark standalone cluster inside the test JVM, all on 127.0.0.1 and on ports the
 * system picks: {@link #hdfsUri()} ({@code hdfs://127.0.0.1:PORT}) and {@link #masterUrl()}
 * ({@code spark://127.0.0.1:PORT}). Use it through {@link ClusterExtension}, or directly in a
 * try-with-resources block; {@link #close()} stops everything and deletes its folder.
 *
 * <h2>What runs where</h2>
 * <ul>
 *   <li>HDFS: Hadoop's {@code MiniDFSCluster} (from {@code hadoop-client-minicluster}, the same
 *       3.4.1 as the {@code hadoop-client-api}/{@code -runtime} Spark 4.0.4 brings): one NameNode
 *       and one DataNode in this JVM, their storage under the fixture's folder.</li>
 *   <li>Spark: a Master and one Worker (2 cores, 1 GB) in this JVM, started the way Spark's own
 *       {@code LocalSparkCluster} does ({@code Master/Worker.startRpcEnvAndEndpoint}). The Worker
 *       launches each executor as a separate JVM, as on a real cluster.</li>
 * </ul>
 *
 * <h2>How the executors get a classpath</h2>
 * A Worker builds an executor's command line with {@code WorkerCommandBuilder}: {@code java -cp
 * <spark.executor.extraClassPath>:<SPARK_HOME>/conf/:<SPARK_HOME>/jars/*}, and it refuses to start
 * one when {@code SPARK_HOME/jars} is missing or when it cannot tell the Scala version (the
 * {@code SPARK_SCALA_VERSION} variable or a {@code SPARK_HOME/launcher/target/scala-2.13} folder).
 * There is no Spark installation here, so the fixture lays out a stand-in SPARK_HOME of its own:
 * <ul>
 *   <li>{@code jars/classpath.jar}: a jar that holds only a manifest whose {@code Class-Path}
 *       names every entry of this JVM's {@code java.class.path} (surefire sets that to the test
 *       classpath): Spark and its libraries, {@code target/classes} and {@code target/test-classes}
 *       of this module and of the modules it depends on. The executor's JVM follows that manifest,
 *       so executors load exactly the classes the test JVM has, lambdas of a test included, and
 *       the driver needs no {@code spark.executor.extraClassPath} or {@code spark.jars}: a
 *       session made by the product's own {@code SparkSessions.getOrCreate(master, ...)} works as
 *       it is. (The same trick as surefire's own manifest-only jar.)</li>
 *   <li>{@code launcher/target/scala-2.13/}: an empty folder, so the launcher finds the Scala
 *       version.</li>
 *   <li>{@code conf/java-opts}: the executors' JVM options, which the launcher reads from there:
 *       C1 only, as the test JVMs (on tiny data the optimizing compiler costs more than it
 *       saves).</li>
 * </ul>
 * The Worker takes SPARK_HOME from the environment (it cannot be set inside a running JVM) unless
 * the system property {@code spark.testing} is set, then from {@code spark.test.home}. The fixture
 * sets both only while the Worker is being constructed (it reads them once, in its constructor)
 * and restores them right after, so the driver of the test never runs with {@code spark.testing}:
 * that property puts Spark into the mode of its own test suites (SQL then validates every plan
 * change by default, for one; and {@code StandaloneSchedulerBackend} passes the driver's
 * {@code java.class.path} to executors, the way Spark's own tests give them a classpath), and the
 * product should be tested as it runs.
 *
 * <p>The executors' {@code --add-opens} for Java 17: Spark 4 adds its own list
 * ({@code JavaModuleOptions}, the same as the root pom's {@code spark.add.opens}) to
 * {@code spark.executor.extraJavaOptions} in every SparkContext, so nothing is needed here.
 *
 * <h2>Things to know</h2>
 * <ul>
 *   <li>One SparkContext per JVM at a time: the test JVMs are shared by all test classes, so
 *       {@link ClusterExtension} stops the local session of earlier tests first
 *       ({@code SharedSpark.stopForAnotherMaster}), and every session when the cluster stops.</li>
 *   <li>Spark's web UIs (the Master's and the Worker's, which cannot be turned off) bind to
 *       {@code SPARK_LOCAL_IP}, and to all interfaces when it is unset: surefire sets it to
 *       127.0.0.1 for this module.</li>
 *   <li>The Worker offers {@value #WORKER_CORES} cores and {@value #WORKER_MEMORY_MB} MB: a session
 *       asking for more {@code spark.executor.memory} than that (Spark's default is 1g) never gets
 *       an executor, and the Master only warns "App requires more resource than any of Workers
 *       could have".</li>
 *   <li>The HDFS has one DataNode: clients keep Hadoop's default replication of 3 unless told
 *       otherwise, which works but leaves every block under-replicated; set
 *       {@code spark.hadoop.dfs.replication=1} (or {@code dfs.replication} on the session's
 *       Hadoop configuration) for a quiet NameNode.</li>
 *   <li>The executors' scratch folders ({@code executor-*}, deleted when the application ends) go
 *       under the driver's {@code spark.local.dir}: Spark decides the local folders once per JVM,
 *       and the driver of the test, in this JVM, decides first.</li>
 *   <li>Should the Worker lose the Master it retries, then calls {@code System.exit}: hence
 *       {@link #close()} stops the Worker first.</li>
 *   <li>An executor's stdout and stderr are files under {@link #workerDir()}
 *       ({@code app-.../N/stderr}); {@link #executorLogs()} reads them, for failure messages.</li>
 * </ul>
 */
public final class ClusterFixture implements AutoCloseable {

    /** The Worker's resources: one executor of Spark's default 1 GB fits. */
    public static final int WORKER_CORES = 2;
    public static final int WORKER_MEMORY_MB = 1024;

    /** Read by the Worker's launcher from {@code SPARK_HOME/conf/java-opts} for every executor it starts. */
    static final String EXECUTOR_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*[1-9]");
    private static final Pattern WORKER_WEB_UI = Pattern.compile("\"webuiaddress\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NO_EXECUTOR = Pattern.compile("\"executors\"\\s*:\\s*\\[\\s*\\]");

    private final Path baseDir;
    private final boolean deleteBaseDir;
    private MiniDFSCluster hdfs;
    private RpcEnv masterRpcEnv;
    private RpcEnv workerRpcEnv;
    private String masterUrl;
    private int masterWebUiPort;
    private String workerWebUi;
    private Path workerDir;

    private ClusterFixture(Path baseDir, boolean deleteBaseDir) {
        this.baseDir = baseDir;
        this.deleteBaseDir = deleteBaseDir;
    }

    /**
     * Starts HDFS and the Spark cluster in a new folder under {@code target/} (the working folder's,
     * or the JVM's temporary folder when there is none), deleted again by {@link #close()}.
     */
    public static ClusterFixture start() throws IOException {
        Path target = Path.of("target");
        Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        return start(Files.createTempDirectory(parent.toAbsolutePath(), "cluster-fixture-"), true);
    }

    /**
     * Starts HDFS and the Spark cluster with their files under {@code baseDir} (a JUnit
     * {@code @TempDir}, for example), which {@link #close()} leaves to its owner.
     */
    public static ClusterFixture start(Path baseDir) throws IOException {
        return start(baseDir, false);
    }

    private static ClusterFixture start(Path baseDir, boolean deleteBaseDir) throws IOException {
        ClusterFixture fixture = new ClusterFixture(baseDir.toAbsolutePath(), deleteBaseDir);
        try {
            fixture.startHdfs();
            fixture.startSpark();
            return fixture;
        } catch (IOException | RuntimeException | Error e) {
            try {
                fixture.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** {@code hdfs://127.0.0.1:PORT}, the NameNode. */
    public String hdfsUri() {
        return "hdfs://" + HOST + ":" + hdfs.getNameNodePort();
    }

    /** {@code spark://127.0.0.1:PORT}, the standalone Master. */
    public String masterUrl() {
        return masterUrl;
    }

    /** A Hadoop client configuration whose default file system is this HDFS. */
    public Configuration hadoopConfiguration() {
        Configuration conf = new HdfsConfiguration();
        conf.set(FileSystem.FS_DEFAULT_NAME_KEY, hdfsUri());
        conf.setInt("dfs.replication", 1);
        return conf;
    }

    /** A client of this HDFS, Hadoop's cached one: do not close it, {@link #close()} does. */
    public FileSystem fileSystem() throws IOException {
        return FileSystem.get(URI.create(hdfsUri()), hadoopConfiguration());
    }

    /** The Worker's work folder: one folder per application, one per executor in it. */
    public Path workerDir() {
        return workerDir;
    }

    /** The stdout and stderr files of every executor the Worker launched so far, each under a header. */
    public String executorLogs() {
        if (workerDir == null || !Files.isDirectory(workerDir)) {
            return "(no worker folder)";
        }
        try (Stream<Path> files = Files.walk(workerDir)) {
            List<Path> logs = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("stdout|stderr"))
                    .sorted().toList();
            StringBuilder text = new StringBuilder();
            for (Path log : logs) {
                text.append("==== ").append(workerDir.relativize(log)).append('\n')
                        .append(Files.readString(log, StandardCharsets.UTF_8)).append('\n');
            }
            return text.length() == 0 ? "(no executor was launched)" : text.toString();
        } catch (IOException e) {
            return "(executor logs unreadable: " + e + ")";
        }
    }

    private void startHdfs() throws IOException {
        Path hdfsDir = Files.createDirectories(baseDir.resolve("hdfs"));
        Configuration conf = new HdfsConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, hdfsDir.toString());
        conf.set("hadoop.tmp.dir", hdfsDir.resolve("tmp").toString());
        conf.setInt("dfs.replication", 1);
        // no web access is needed: keeps the NameNode's HTTP server to its bare minimum
        conf.setBoolean("dfs.webhdfs.enabled", false);
        hdfs = new MiniDFSCluster.Builder(conf, hdfsDir.toFile())
                .numDataNodes(1)
                .nameNodePort(0)
                .nameNodeHttpPort(0)
                .format(true)
                .build();
        hdfs.waitActive();
    }

    private void startSpark() throws IOException {
        Path sparkHome = writeSparkHome(baseDir.resolve("spark-home"));
        workerDir = Files.createDirectories(baseDir.resolve("spark-work"));

        // no spark.local.dir: Spark keeps the first answer of one JVM (Utils.getOrCreateLocalRootDirs),
        // and the driver of the test asks first, so executors' scratch folders go under its one
        SparkConf conf = new SparkConf(false)
                .set("spark.master.rest.enabled", "false")
                .set("spark.shuffle.service.enabled", "false");

        Tuple3<RpcEnv, Object, Option<Object>> master = Master.startRpcEnvAndEndpoint(HOST, 0, 0, conf);
        masterRpcEnv = master._1();
        masterWebUiPort = (Integer) master._2();
        masterUrl = "spark://" + HOST + ":" + masterRpcEnv.address().port();

        workerRpcEnv = withSparkHome(sparkHome, () -> Worker.startRpcEnvAndEndpoint(HOST, 0, 0,
                WORKER_CORES, WORKER_MEMORY_MB, new String[] {masterUrl}, workerDir.toString(),
                Option.empty(), conf, Option.empty()));
        awaitAliveWorker();
    }

    /**
     * Runs {@code start} with the system properties that make a Worker take {@code sparkHome} as
     * its SPARK_HOME, and puts the properties back as they were.
     */
    private static <T> T withSparkHome(Path sparkHome, java.util.function.Supplier<T> start) {
        synchronized (System.getProperties()) {
            String testing = System.getProperty("spark.testing");
            String testHome = System.getProperty("spark.test.home");
            System.setProperty("spark.testing", "true");
            System.setProperty("spark.test.home", sparkHome.toString());
            try {
                return start.get();
            } finally {
                restore("spark.testing", testing);
                restore("spark.test.home", testHome);
            }
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** The stand-in SPARK_HOME described in the class comment. */
    static Path writeSparkHome(Path home) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        // the executors compile as the test JVMs do (the root pom's argLine says why): C1 only
        Files.writeString(conf.resolve("java-opts"), EXECUTOR_JAVA_OPTS + "\n");
        Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPathOfThisJvm().stream()
                .map(entry -> entry.toUri().toString())  // file:/... with a trailing / for folders
                .collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jars.resolve("classpath.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return home;
    }

    private static List<Path> classPathOfThisJvm() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    /**
     * Waits until the Worker has registered with the Master, as the Master's JSON page tells, and
     * notes the Worker's page from it.
     */
    private void awaitAliveWorker() throws IOException {
        String state = awaitJson("http://" + HOST + ":" + masterWebUiPort + "/json/",
                body -> ALIVE_WORKERS.matcher(body).find(), STARTUP_TIMEOUT);
        if (state == null) {
            throw new IOException("the Spark worker did not register with " + masterUrl + " in "
                    + STARTUP_TIMEOUT);
        }
        Matcher page = WORKER_WEB_UI.matcher(state);
        workerWebUi = page.find() ? page.group(1) : null;
    }

    /**
     * Waits (up to 15 s) until the Worker runs no executor: those of a SparkSession end a moment
     * after {@code stop()} returns, when the Worker has killed them and told the Master. Call it
     * after stopping a session when more is to come; {@link #close()} calls it too (a Worker
     * stopped before would fail to send that report).
     *
     * @return false when an executor still ran when the time ran out
     */
    public boolean awaitIdle() {
        if (workerWebUi == null) {
            return true;
        }
        boolean[] idle = new boolean[1];
        // "Got status update for unknown executor": the Master's word for the end of an executor
        // whose application had already ended, as every executor after its SparkContext stopped
        withLoggerOff("org.apache.spark.deploy.master.Master", () -> idle[0] =
                awaitJson(workerWebUi + "/json/", body -> NO_EXECUTOR.matcher(body).find(), STOP_TIMEOUT) != null);
        return idle[0];
    }

    /** GETs the page until {@code done} holds for its body; that body, or null when the time ran out. */
    private static String awaitJson(String url, Predicate<String> done, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (done.test(body)) {
                    return body;
                }
            } catch (IOException e) {
                // not up yet, or already gone: asked again until the time runs out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * Waits (up to 15 s) until the Worker runs no executor, stops the Worker (which kills any
     * executor left), then the Master, then HDFS, and deletes the fixture's folder when it made it.
     * Stop the SparkSessions that use the cluster first.
     */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        if (workerRpcEnv != null) {
            awaitIdle();
        }
        // the Worker first: with the Master gone it would retry to register and finally exit the JVM
        stopRpcEnv(workerRpcEnv, failures);
        workerRpcEnv = null;
        stopRpcEnv(masterRpcEnv, failures);
        masterRpcEnv = null;
        if (hdfs != null) {
            try {
                // the cached client of this HDFS would otherwise outlive it, and retry against a closed port
                FileSystem.get(URI.create(hdfsUri()), hadoopConfiguration()).close();
            } catch (IOException | RuntimeException e) {
                failures.add(new RuntimeException("closing the HDFS client", e));
            }
            try {
                // "Command processor encountered interrupt and exit": the DataNode's word for a normal stop
                withLoggerOff("org.apache.hadoop.hdfs.server.datanode.DataNode", () -> hdfs.shutdown(true));
            } catch (RuntimeException e) {
                failures.add(e);
            }
            hdfs = null;
        }
        if (deleteBaseDir) {
            try {
                deleteRecursively(baseDir);
            } catch (IOException e) {
                failures.add(new UncheckedIOException(e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void withLoggerOff(String name, Runnable action) {
        if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
            Level level = logger.getLevel();
            logger.setLevel(Level.OFF);
            try {
                action.run();
            } finally {
                logger.setLevel(level);
            }
        } else {
            action.run();
        }
    }

    private static void stopRpcEnv(RpcEnv env, List<RuntimeException> failures) {
        if (env == null) {
            return;
        }
        try {
            env.shutdown();
            env.awaitTermination();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return "ClusterFixture[" + (hdfs == null ? "hdfs stopped" : hdfsUri()) + ", "
                + (masterRpcEnv == null ? "spark stopped" : masterUrl) + ", " + baseDir + "]";
    }
}
