package io.commercemetrics.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set key=value}, the same on every command that touches data. */
public class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration laid over the defaults (keys as in commerce-metrics-defaults.yaml).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set reporting.time-zone=Asia/Shanghai. Repeatable.")
    List<String> settings = new ArrayList<>();

    /** These options as given, for a command run with the same configuration. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (configFile != null) {
            args.addAll(List.of("--config", configFile.toString()));
        }
        settings.forEach(setting -> args.addAll(List.of("--set", setting)));
        return args;
    }
}
