package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reports render where no Spark is installed: the module must not pull it onto its class path. */
class ReportModuleBoundaryTest {

    @Test
    void sparkIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
