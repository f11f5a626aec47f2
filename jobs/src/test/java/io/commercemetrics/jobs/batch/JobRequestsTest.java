package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/** What makes two launches the same request, and what does not. */
class JobRequestsTest {

    @TempDir
    Path dir;

    @Test
    void aSettingThatChangesResultsChangesTheConfigurationHashAndDeliveryOrHadoopSettingsDoNot() {
        String base = JobRequests.configHash(ConfigLoader.defaults().toYaml());
        assertThat(JobRequests.configHash(ConfigLoader.defaults().toYaml())).isEqualTo(base);
        assertThat(JobRequests.configHash(ConfigLoader.defaults()
                .withOverrides(List.of("attribution.window-days=7")).toYaml())).isNotEqualTo(base);
        assertThat(JobRequests.configHash(ConfigLoader.defaults()
                .withOverrides(List.of("delivery.smtp.host=mail.example")).toYaml())).isEqualTo(base);
        assertThat(JobRequests.configHash(ConfigLoader.defaults()
                .withOverrides(List.of("hadoop.fs.s3a.endpoint=http://minio:9000")).toYaml())).isEqualTo(base);
    }

    @Test
    void theFingerprintOfTheInputsChangesWithAnyFileUnderThemAndOnlyThen() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("orders.csv"), "a\n");
        String before = JobRequests.fingerprint(List.of(input));
        assertThat(JobRequests.fingerprint(List.of(input))).isEqualTo(before);
        Files.writeString(input.resolve("refunds.csv"), "b\n");
        String added = JobRequests.fingerprint(List.of(input));
        assertThat(added).isNotEqualTo(before);
        Files.writeString(input.resolve("orders.csv"), "a,longer\n");
        assertThat(JobRequests.fingerprint(List.of(input))).isNotEqualTo(added);
    }

    @Test
    void theSameRequestIgnoresWhoLaunchedItAndNotesThatDoNotIdentify() {
        JobParameters request = new JobParametersBuilder().addString("warehouse", "/w", true)
                .addString("as-of", "", true).toJobParameters();
        JobParameters launched = new JobParametersBuilder(request).addString(JobRequests.LAUNCH, "r-1", true)
                .addString("run.id", "r-1", false).toJobParameters();
        assertThat(JobRequests.sameRequest(launched, request)).isTrue();
        JobParameters other = new JobParametersBuilder().addString("warehouse", "/w", true)
                .addString("as-of", "2026-10-31", true).toJobParameters();
        assertThat(JobRequests.sameRequest(launched, other)).isFalse();
    }
}
