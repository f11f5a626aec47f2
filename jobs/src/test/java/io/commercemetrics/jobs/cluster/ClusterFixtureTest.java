package io.commercemetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.commercemetrics.jobs.spark.SparkSessions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fixture end to end: a session of the product's own {@link SparkSessions} against the
 * standalone master writes a Parquet dataset to the mini HDFS from an executor JVM and reads it
 * back. Tagged {@code cluster}: the jobs pom runs it in a JVM of its own, since a JVM holds one
 * SparkContext and the other tests share a local one.
 */
@Tag("cluster")
class ClusterFixtureTest {

    private static final Duration EXECUTOR_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    @TempDir
    Path scratch;

    @Test
    void aJobOnTheStandaloneClusterWritesParquetToHdfsAndReadsItBack() throws Exception {
        assertThat(CLUSTER.hdfsUri()).matches("hdfs://127\\.0\\.0\\.1:\\d+");
        assertThat(CLUSTER.masterUrl()).matches("spark://127\\.0\\.0\\.1:\\d+");

        SparkSession spark = SparkSessions.getOrCreate(CLUSTER.masterUrl(), ZoneId.of("UTC"), scratch);
        try {
            // a new session on the cluster, not a local one found in this JVM
            assertThat(spark.sparkContext().master()).isEqualTo(CLUSTER.masterUrl());
            spark.sparkContext().hadoopConfiguration().setInt("dfs.replication", 1);
            awaitExecutor(spark);

            String table = CLUSTER.hdfsUri() + "/t";
            spark.range(0, 1000, 1, 2)
                    .selectExpr("id", "id * 2 AS doubled", "concat('row-', CAST(id AS STRING)) AS label")
                    .write().parquet(table);

            FileSystem hdfs = CLUSTER.fixture().fileSystem();
            assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/t/_SUCCESS"))).isTrue();
            FileStatus[] parts = hdfs.listStatus(new org.apache.hadoop.fs.Path("/t"),
                    p -> p.getName().endsWith(".parquet"));
            assertThat(parts).isNotEmpty();

            Dataset<Row> back = spark.read().parquet(table);
            assertThat(back.schema().fieldNames()).containsExactly("id", "doubled", "label");
            List<Row> rows = new ArrayList<>(back.collectAsList());
            rows.sort(Comparator.comparingLong(row -> row.getLong(0)));
            assertThat(rows).hasSize(1000);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                assertThat(row.getLong(0)).isEqualTo(i);
                assertThat(row.getLong(1)).isEqualTo(2L * i);
                assertThat(row.getString(2)).isEqualTo("row-" + i);
            }

            // where the reading tasks ran: executor id and process of each partition
            List<String> where = back.mapPartitions((MapPartitionsFunction<Row, String>) partition -> {
                long n = 0;
                while (partition.hasNext()) {
                    partition.next();
                    n++;
                }
                return List.of(SparkEnv.get().executorId() + " " + ProcessHandle.current().pid() + " " + n)
                        .iterator();
            }, Encoders.STRING()).collectAsList();
            long driverPid = ProcessHandle.current().pid();
            assertThat(where).isNotEmpty().allSatisfy(line -> {
                String[] f = line.split(" ");
                assertThat(f[0]).as("executor id").isNotEqualTo("driver");
                assertThat(Long.parseLong(f[1])).as("executor process").isNotEqualTo(driverPid);
            });
            assertThat(where.stream().mapToLong(line -> Long.parseLong(line.split(" ")[2])).sum())
                    .isEqualTo(1000L);
            // the executors were started with the fixture's JVM options (SPARK_HOME/conf/java-opts)
            List<String> executorJvmArgs = back.mapPartitions((MapPartitionsFunction<Row, String>) partition ->
                    List.of(String.join(" ", ManagementFactory.getRuntimeMXBean()
                            .getInputArguments())).iterator(), Encoders.STRING()).collectAsList();
            assertThat(executorJvmArgs).isNotEmpty()
                    .allSatisfy(args -> assertThat(args).contains(ClusterFixture.EXECUTOR_JAVA_OPTS.split(" ")));
            // the driver's block manager and at least one executor's
            assertThat(spark.sparkContext().getExecutorMemoryStatus().size()).isGreaterThan(1);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nexecutor logs:\n" + CLUSTER.fixture().executorLogs(), e);
        } finally {
            spark.stop();
            assertThat(CLUSTER.fixture().awaitIdle()).as("executors ended after the session stopped").isTrue();
        }
    }

    @Test
    void closingStopsBothClustersAndFreesTheirPorts(@TempDir Path dir) throws Exception {
        URI hdfs;
        URI master;
        try (ClusterFixture other = ClusterFixture.start(dir)) {
            hdfs = URI.create(other.hdfsUri());
            master = URI.create(other.masterUrl());
            assertThat(listens(hdfs)).as("NameNode at " + hdfs).isTrue();
            assertThat(listens(master)).as("Master at " + master).isTrue();
            assertThat(other.fileSystem().mkdirs(new org.apache.hadoop.fs.Path("/x"))).isTrue();
        }
        assertThat(listens(hdfs)).as("NameNode at " + hdfs + " after close").isFalse();
        assertThat(listens(master)).as("Master at " + master + " after close").isFalse();
        assertThat(dir).as("a folder the caller gave is left to it").isDirectory();
    }

    private static boolean listens(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Worker launches the executor JVM after the application registers: a few seconds. */
    private static void awaitExecutor(SparkSession spark) throws InterruptedException {
        long deadline = System.nanoTime() + EXECUTOR_TIMEOUT.toNanos();
        while (spark.sparkContext().getExecutorMemoryStatus().size() < 2) {
            if (System.nanoTime() > deadline) {
                fail("no executor registered in " + EXECUTOR_TIMEOUT + " (block managers: "
                        + spark.sparkContext().getExecutorMemoryStatus().keySet().mkString(", ") + ")");
            }
            Thread.sleep(100);
        }
    }
}
