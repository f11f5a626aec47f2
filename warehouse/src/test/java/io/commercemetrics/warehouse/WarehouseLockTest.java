package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsToldWhichRunHoldsTheWarehouseAndMayGoOnceItIsReleased() {
        Warehouse warehouse = new Warehouse(dir);
        try (WarehouseLock first = WarehouseLock.acquire(warehouse, "run-1")) {
            assertThatThrownBy(() -> WarehouseLock.acquire(warehouse, "run-2"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is being written by run run-1");
        }
        try (WarehouseLock second = WarehouseLock.acquire(warehouse, "run-2")) {
            assertThat(dir.resolve(".lock")).hasContent("run-2");
        }
    }
}
