package io.commercemetrics.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreThoseOfMetricsMd() {
        PipelineConfig config = ConfigLoader.defaults().load();

        assertThat(config.reporting().timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.reporting().currency()).isNull();
        assertThat(config.channels().groupOf("live_stream")).isEqualTo("social");
        assertThat(config.channels().groupOf("email")).isEqualTo("traditional");
        assertThat(config.channels().groupOf("tv")).isEqualTo("other");
        assertThat(config.repurchase().windowsDays()).containsExactly(30, 90, 180);
        assertThat(config.attribution().model()).isEqualTo(PipelineConfig.AttributionModel.last_touch);
        assertThat(config.attribution().windowDays()).isEqualTo(30);
        assertThat(config.commission().maxLevels()).isEqualTo(2);
        assertThat(config.commission().selfReferral()).isEqualTo(PipelineConfig.SelfReferralPolicy.exclude);
        assertThat(config.commission().holdDays()).isEqualTo(15);
        assertThat(config.commission().minPayout()).isEqualByComparingTo("0");
        assertThat(config.commission().payday()).isEqualTo(5);
        PipelineConfig.RuleVersion rule = config.commission().rules().get(0);
        assertThat(rule.version()).isEqualTo("default");
        assertThat(rule.effectiveFrom()).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(rule.levelRates()).containsExactly(new BigDecimal("0.10"), new BigDecimal("0.03"));
    }

    @Test
    void laterLayersWinAndSetOverridesEverything() throws IOException {
        Path folderConfig = Files.writeString(dir.resolve("commerce-metrics.yaml"),
                "reporting:\n  time-zone: Asia/Shanghai\n  currency: CNY\n");
        Path userConfig = Files.writeString(dir.resolve("user.yaml"), """
                commission:
                  rules:
                    - version: v1
                      effective-from: 2026-01-01
                      level-rates: [0.08]
                    - version: v2
                      effective-from: 2026-10-15
                      level-rates: [0.12, 0.04]
                      category-rates:
                        beauty: [0.20, 0.05]
                """);

        PipelineConfig config = ConfigLoader.defaults().withOptionalFile(folderConfig).withFile(userConfig)
                .withOverrides(List.of("reporting.currency=USD", "commission.min-payout=50.00",
                        "repurchase.windows-days=[7, 30]"))
                .load();

        assertThat(config.reporting().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.reporting().currency()).isEqualTo("USD");
        assertThat(config.commission().minPayout()).isEqualByComparingTo("50.00");
        assertThat(config.repurchase().windowsDays()).containsExactly(7, 30);
        assertThat(config.commission().ruleOn(LocalDate.of(2026, 10, 14))).map(PipelineConfig.RuleVersion::version)
                .contains("v1");
        assertThat(config.commission().ruleOn(LocalDate.of(2026, 10, 15))).map(PipelineConfig.RuleVersion::version)
                .contains("v2");
        assertThat(config.commission().ruleOn(LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(config.commission().ruleOn(LocalDate.of(2026, 11, 1)).orElseThrow().ratesFor("beauty"))
                .containsExactly(new BigDecimal("0.20"), new BigDecimal("0.05"));
        assertThat(config.commission().ruleOn(LocalDate.of(2026, 11, 1)).orElseThrow().ratesFor("toys"))
                .containsExactly(new BigDecimal("0.12"), new BigDecimal("0.04"));
    }

    @Test
    void hadoopSettingsAreWholeHadoopKeysFromFilesAndSetAndNeverCredentials() throws IOException {
        assertThat(ConfigLoader.defaults().load().hadoop().settings()).isEmpty();
        Path file = dir.resolve("s3.yaml");
        Files.writeString(file, """
                hadoop:
                  fs.s3a.endpoint: http://minio:9000
                  fs.s3a.path.style.access: true
                """);
        PipelineConfig config = ConfigLoader.defaults().withFile(file)
                .withOverrides(List.of("hadoop.fs.s3a.endpoint.region=eu-west-1")).load();
        assertThat(config.hadoop().settings()).containsExactly(
                java.util.Map.entry("fs.s3a.endpoint", "http://minio:9000"),
                java.util.Map.entry("fs.s3a.endpoint.region", "eu-west-1"),
                java.util.Map.entry("fs.s3a.path.style.access", "true"));
        assertThat(config.hadoop().configuration().get("fs.s3a.endpoint.region")).isEqualTo("eu-west-1");

        assertThatThrownBy(() -> ConfigLoader.defaults()
                .withOverrides(List.of("hadoop.fs.s3a.secret.key=abc")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("hadoop.fs.s3a.secret.key")
                .hasMessageContaining("AWS_SECRET_ACCESS_KEY").hasMessageNotContaining("abc");
        Files.writeString(file, "hadoop:\n  fs:\n    s3a: {endpoint: x}\n");
        assertThatThrownBy(() -> ConfigLoader.defaults().withFile(file).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("hadoop.fs: write each Hadoop key whole");
    }

    @Test
    void ratesAreReadExactlyNotThroughDouble() {
        PipelineConfig config = ConfigLoader.defaults()
                .withOverrides(List.of("commission.min-payout=0.1000000000000000055511151231257827")).load();

        assertThat(config.commission().minPayout().toPlainString()).isEqualTo("0.1000000000000000055511151231257827");
    }

    @Test
    void mistakesAreNamed() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(List.of("reporting.timezone=UTC")))
                .isInstanceOf(ConfigException.class).hasMessage("unknown setting: reporting.timezone");
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(List.of("attribution.model=linear")).load())
                .hasMessageContaining("attribution.model must be one of [last_touch, first_touch]");
        assertThatThrownBy(() -> ConfigLoader.defaults()
                .withOverrides(List.of("reporting.time-zone=Mars/Olympus")).load())
                .hasMessageContaining("reporting.time-zone: unknown time zone Mars/Olympus");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "comission:\n  hold-days: 3\n");
        assertThatThrownBy(() -> ConfigLoader.defaults().withFile(typo))
                .hasMessageContaining("unknown setting: comission");
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(List.of("noequals")))
                .hasMessageContaining("--set needs key=value");
    }

    /** The finance report's payday: the 5th of the next month unless set; a day that no month has, or a typo, is named. */
    @Test
    void thePaydayIsASettingLikeAnyOther() throws IOException {
        assertThat(ConfigLoader.defaults().withOverrides(List.of("commission.payday=10")).load().commission().payday())
                .isEqualTo(10);
        Path file = Files.writeString(dir.resolve("payday.yaml"), "commission:\n  payday: 31\n");
        assertThat(ConfigLoader.defaults().withFile(file).load().commission().payday()).isEqualTo(31);
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(List.of("commission.payday=0")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("commission.payday must be a day of the month from 1 to 31, got: 0");
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(List.of("commission.payday=fifth")).load())
                .hasMessageContaining("commission.payday must be a day of the month");
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(List.of("commission.pay-day=5")))
                .isInstanceOf(ConfigException.class).hasMessage("unknown setting: commission.pay-day");
        Path typo = Files.writeString(dir.resolve("typo-payday.yaml"), "commission:\n  payda: 5\n");
        assertThatThrownBy(() -> ConfigLoader.defaults().withFile(typo))
                .hasMessageContaining("unknown setting: commission.payda");
    }

    @Test
    void mergedConfigurationRoundTripsThroughYaml() throws IOException {
        ConfigLoader loader = ConfigLoader.defaults().withOverrides(List.of("commission.hold-days=7"));
        Path recorded = Files.writeString(dir.resolve("recorded.yaml"), loader.toYaml());

        assertThat(ConfigLoader.defaults().withFile(recorded).load()).isEqualTo(loader.load());
    }
}
