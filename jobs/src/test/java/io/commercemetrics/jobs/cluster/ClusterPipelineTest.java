package io.commercemetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product on a cluster: {@code pipeline --master spark://... --warehouse hdfs://...} against a
 * Spark standalone Master and Worker and an in-process HDFS, all on 127.0.0.1, gives exports equal
 * byte for byte to those of a local run on the same exports. The tables really are on HDFS, and
 * the work really ran on the Worker's executor (a separate JVM).
 */
@Tag("cluster")
class ClusterPipelineTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    @TempDir
    Path dir;

    @Test
    void pipelineOnTheClusterWithTheWarehouseOnHdfsExportsWhatALocalRunExports() throws Exception {
        Path exports = dir.resolve("exports");
        assertThat(CommerceMetricsCli.execute("generate", "--out", exports.toString(), "--orders", "150",
                "--seed", "7")).isZero();

        Path local = dir.resolve("local");
        assertThat(CommerceMetricsCli.execute("pipeline", "--input", exports.toString(),
                "--warehouse", local.resolve("warehouse").toString(), "--reports", local.resolve("reports").toString()))
                .isZero();
        assertThat(CommerceMetricsCli.execute("export", "--warehouse", local.resolve("warehouse").toString(),
                "--out", local.resolve("csv").toString())).isZero();

        String hdfsWarehouse = CLUSTER.hdfsUri() + "/commerce";
        Path state = dir.resolve("cluster-state");
        assertThat(CommerceMetricsCli.execute("pipeline", "--master", CLUSTER.masterUrl(), "--input",
                exports.toString(), "--warehouse", hdfsWarehouse, "--state", state.toString(),
                "--reports", dir.resolve("cluster-reports").toString())).isZero();
        Path clusterCsv = dir.resolve("cluster-csv");
        assertThat(CommerceMetricsCli.execute("export", "--warehouse", hdfsWarehouse, "--state", state.toString(),
                "--out", clusterCsv.toString())).isZero();

        Map<String, byte[]> expected = WarehouseContents.exportedFiles(local.resolve("csv"));
        assertThat(expected).hasSize(14);
        assertThat(WarehouseContents.exportedFiles(clusterCsv)).containsOnlyKeys(expected.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));

        FileSystem hdfs = CLUSTER.fixture().fileSystem();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/commerce/tables/metrics/repeat_rate/metadata")))
                .isTrue();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/commerce/staging"))).isTrue();
        assertThat(Files.exists(state.resolve("tables"))).as("no table file on the local disk").isFalse();
        assertThat(CLUSTER.fixture().executorLogs()).as("an executor of the Worker ran the job").contains("==== ");
    }
}
