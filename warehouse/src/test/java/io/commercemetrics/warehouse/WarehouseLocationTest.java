package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
    void aSchemeWithoutAFileSystemOnTheClassPathIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> Warehouse.of("s3a://bucket/commerce", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Hadoop file system for 's3a://'").hasMessageContaining("hadoop-aws");
        assertThatThrownBy(() -> Warehouse.of("gopher://host/x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gopher://'");
    }
}
