package io.commercemetrics.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imports: section: its maps are open to the user's own words, every other key stays checked. */
class ImportSettingsConfigTest {

    @TempDir
    Path dir;

    @Test
    void aLayerAddsWordsToTheChannelMapsAndKeepsTheDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("shop.yaml"), """
                imports:
                  channels:
                    referring-site: {Newsletter.Example.org: email, google: ads}
                    default: search
                  ad-campaigns:
                    match: {Live: live_stream}
                """);

        ImportSettings imports = ConfigLoader.defaults().withFile(file).load().imports();

        assertThat(imports.channels().referringSite()).containsEntry("newsletter.example.org", "email")
                .containsEntry("google", "ads").containsEntry("facebook", "social_share");
        assertThat(imports.channels().fallback()).isEqualTo("search");
        assertThat(imports.adCampaigns().match()).containsExactly(java.util.Map.entry("live", "live_stream"));
        assertThat(imports.shareCode().noteAttribute()).isEqualTo("share_code");
    }

    @Test
    void aMisspeltImportsKeyIsStillAnError() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "imports:\n  chanels:\n    default: ads\n");
        assertThatThrownBy(() -> ConfigLoader.defaults().withFile(typo))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting: imports.chanels");
        Path deeper = Files.writeString(dir.resolve("deeper.yaml"), "imports:\n  share-code:\n    note: x\n");
        assertThatThrownBy(() -> ConfigLoader.defaults().withFile(deeper))
                .hasMessageContaining("unknown setting: imports.share-code.note");
        assertThatThrownBy(() -> ConfigLoader.defaults().withOverrides(java.util.List.of("imports.channels.default=")).load())
                .hasMessageContaining("imports.channels.default must name a channel");
    }
}
