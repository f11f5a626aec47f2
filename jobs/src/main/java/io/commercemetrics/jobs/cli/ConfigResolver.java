package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lays the configuration layers in their order of precedence, lowest first: built-in defaults; the
 * configuration the warehouse recorded at its last run; the {@code commerce-metrics.yaml} of each
 * input folder (an export folder carries its own settings); {@code --config}; {@code --set}.
 */
final class ConfigResolver {

    private ConfigResolver() {
    }

    static ConfigLoader resolve(Warehouse warehouse, List<Path> inputs, ConfigOptions options,
                                List<String> extraSettings) {
        ConfigLoader loader = ConfigLoader.defaults().withOptionalFile(warehouse.recordedConfig());
        for (Path input : inputs) {
            Path folder = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
            if (folder != null) {
                loader.withOptionalFile(folder.resolve(ConfigLoader.FOLDER_CONFIG_NAME));
            }
        }
        if (options.configFile != null) {
            if (!Files.isRegularFile(options.configFile)) {
                throw new IllegalArgumentException("--config: no such file " + options.configFile);
            }
            loader.withFile(options.configFile);
        }
        return loader.withOverrides(extraSettings).withOverrides(options.settings);
    }
}
