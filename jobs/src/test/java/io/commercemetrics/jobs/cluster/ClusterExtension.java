package io.commercemetrics.jobs.cluster;

import io.commercemetrics.jobs.spark.SharedSpark;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link ClusterFixture} (HDFS and a Spark standalone cluster on 127.0.0.1) for the tests of one
 * class: started before the first, stopped after the last.
 *
 * <pre>{@code
 * @Tag("cluster")   // -Dgroups=cluster runs these alone
 * class MyClusterTest {
 *     @RegisterExtension
 *     static final ClusterExtension CLUSTER = new ClusterExtension();
 *
 *     @Test
 *     void runs() {
 *         SparkSession spark = SparkSessions.getOrCreate(CLUSTER.masterUrl(), ZoneId.of("UTC"));
 *         ...write to CLUSTER.hdfsUri() + "/t"...
 *         spark.stop();  // before the cluster stops
 *     }
 * }
 * }</pre>
 */
public final class ClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private ClusterFixture fixture;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // the test JVM is shared: a local session of an earlier test class would be what the
        // product's getOrCreate returns, and the work would never reach the cluster
        SharedSpark.stopForAnotherMaster();
        fixture = ClusterFixture.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fixture != null) {
            try {
                SharedSpark.stopForAnotherMaster(); // no session may outlive the master it talks to
                fixture.close();
            } finally {
                fixture = null;
            }
        }
    }

    public ClusterFixture fixture() {
        if (fixture == null) {
            throw new IllegalStateException("the cluster runs only between beforeAll and afterAll"
                    + " (register the extension on a static field)");
        }
        return fixture;
    }

    /** {@code hdfs://127.0.0.1:PORT} */
    public String hdfsUri() {
        return fixture().hdfsUri();
    }

    /** {@code spark://127.0.0.1:PORT} */
    public String masterUrl() {
        return fixture().masterUrl();
    }
}
