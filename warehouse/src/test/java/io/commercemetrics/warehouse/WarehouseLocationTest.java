package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --warehouse names: a folder, or a Hadoop file system this build can reach. */
class WarehouseLocationTest {

    @Test
    void aFolderIsLocalAndAnHdfsUriKeepsItsTablesThereWithLocalStateApart() {
        Warehouse local = Warehouse.of("var/warehouse", null);
        assertThat(local.isRemote()).isFalse();
        assertThat(local.tablesLocation()).isEqualTo(Path.of("var/warehouse/tables").toAbsolutePath().toString());

        Warehouse hdfs = Warehouse.of("hdfs://namenode:8020/commerce/", null);
        assertThat(hdfs.isRemote()).isTrue();
        assertThat(hdfs.tablesLocation()).isEqualTo("hdfs://namenode:8020/commerce/tables");
        assertThat(hdfs.root()).isEqualTo(Path.of("var", "state", "hdfs_namenode_8020_commerce").toAbsolutePath());
    }

    @Test
    void anS3UriKeepsItsTablesInTheBucketWithLocalStateApart() {
        Warehouse s3 = Warehouse.of("s3a://bucket/commerce", null);
        assertThat(s3.isRemote()).isTrue();
        assertThat(s3.tablesLocation()).isEqualTo("s3a://bucket/commerce/tables");
        assertThat(s3.root()).isEqualTo(Path.of("var", "state", "s3a_bucket_commerce").toAbsolutePath());
    }

    @Test
    void aSchemeWithoutAFileSystemOnTheClassPathIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> Warehouse.of("foo://host/x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Hadoop file system for 'foo://'").hasMessageContaining("s3a://");
        assertThatThrownBy(() -> Warehouse.of("gopher://host/x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gopher://'");
    }

    @Test
    void hadoopSettingsReachTheConfigurationButNoCredentialIsAccepted() {
        HadoopSettings settings = new HadoopSettings(java.util.Map.of("fs.s3a.endpoint", "http://127.0.0.1:9000"));
        assertThat(settings.configuration().get("fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:9000");
        for (String key : java.util.List.of("fs.s3a.secret.key", "fs.s3a.access.key", "fs.s3a.session.token",
                "fs.s3a.bucket.shop.secret.key", "fs.s3a.proxy.password")) {
            assertThatThrownBy(() -> new HadoopSettings(java.util.Map.of(key, "x"))).as(key)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hadoop." + key).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
        }
    }

    @Test
    void aWarehouseKnowsWhenItsTablesWereMadeInAnotherFolder(@TempDir Path dir) throws Exception {
        Warehouse here = new Warehouse(dir.resolve("here"));
        assertThat(here.madeElsewhere()).as("no tables yet").isEmpty();

        tableMetadata(here, here.tablesLocation() + "/raw/orders");
        assertThat(here.madeElsewhere()).as("made here").isEmpty();

        Warehouse copy = new Warehouse(dir.resolve("copy"));
        tableMetadata(copy, "/srv/shop/warehouse/tables/raw/orders");
        assertThat(copy.madeElsewhere()).contains(Path.of("/srv/shop/warehouse"));

        Warehouse uri = new Warehouse(dir.resolve("uri"));
        tableMetadata(uri, "file:/srv/shop/warehouse/tables/metrics/repeat_rate");
        assertThat(uri.madeElsewhere()).contains(Path.of("/srv/shop/warehouse"));
    }

    private static void tableMetadata(Warehouse warehouse, String location) throws Exception {
        Path metadata = warehouse.root().resolve("tables/raw/orders/metadata");
        Files.createDirectories(metadata);
        Files.writeString(metadata.resolve("00000-5f1c.metadata.json"),
                "{\"format-version\":2,\"location\":\"" + location + "\",\"last-sequence-number\":0}");
    }
}
