package io.commercemetrics.jobs.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the configuration in force from its layers, lowest first: the built-in defaults, then
 * each file given (input folder's {@code commerce-metrics.yaml}, the warehouse's recorded one,
 * {@code --config}), then {@code --set key=value} overrides whose keys mirror the YAML.
 */
public final class ConfigLoader {

    public static final String DEFAULTS_RESOURCE = "/commerce-metrics-defaults.yaml";
    /** The name of the settings file an export folder may carry. */
    public static final String FOLDER_CONFIG_NAME = "commerce-metrics.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            // rates and amounts must keep their exact decimal text, never pass through double
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Hadoop's own keys (fs.s3a.endpoint): dots inside one key, so --set hadoop.fs.s3a.endpoint=... names one entry. */
    private static final String HADOOP_PREFIX = "hadoop.";

    /** Maps whose keys are the user's words (hosts, UTM values, campaign words): new keys are allowed. */
    private static final Set<String> OPEN_MAPS = Set.of("imports.channels.utm-medium.",
            "imports.channels.utm-source.", "imports.channels.referring-site.", "imports.channels.source.",
            "imports.ad-campaigns.match.", HADOOP_PREFIX);

    private final ObjectNode tree;

    private ConfigLoader(ObjectNode tree) {
        this.tree = tree;
    }

    /** Starts from the built-in defaults. */
    public static ConfigLoader defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            return new ConfigLoader((ObjectNode) YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in defaults", e);
        }
    }

    /**
     * A configuration exactly as recorded (the merged YAML a job ran with): a restart resumes with it,
     * whatever the layers say by then.
     */
    public static ConfigLoader recorded(String yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new ConfigException("the recorded configuration is not a YAML mapping");
            }
            return new ConfigLoader((ObjectNode) tree);
        } catch (IOException e) {
            throw new ConfigException("the recorded configuration cannot be read: " + e.getMessage());
        }
    }

    /** Lays a YAML file over what is there; a missing optional file is skipped. */
    public ConfigLoader withFile(Path file) {
        try {
            JsonNode layer = YAML.readTree(file.toFile());
            if (layer != null && !layer.isMissingNode() && !layer.isNull()) {
                if (!layer.isObject()) {
                    throw new ConfigException(file + ": expected a YAML mapping at the top");
                }
                merge(tree, (ObjectNode) layer, "");
            }
            return this;
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    public ConfigLoader withOptionalFile(Path file) {
        return file != null && Files.isRegularFile(file) ? withFile(file) : this;
    }

    /** Applies {@code key=value} overrides; the value is read as YAML ({@code [30, 60]} is a list). */
    public ConfigLoader withOverrides(List<String> settings) {
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set needs key=value, got: " + setting);
            }
            String key = setting.substring(0, eq).trim();
            String text = setting.substring(eq + 1);
            if (key.startsWith(HADOOP_PREFIX) && key.length() > HADOOP_PREFIX.length()) {
                tree.withObjectProperty("hadoop").put(key.substring(HADOOP_PREFIX.length()), text);
                continue;
            }
            String[] path = key.split("\\.");
            ObjectNode parent = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                if (child == null || !child.isObject()) {
                    throw new ConfigException("unknown setting: " + setting.substring(0, eq));
                }
                parent = (ObjectNode) child;
            }
            String leaf = path[path.length - 1];
            if (!parent.has(leaf)) {
                throw new ConfigException("unknown setting: " + setting.substring(0, eq));
            }
            try {
                JsonNode value = text.isEmpty() ? YAML.getNodeFactory().textNode("") : YAML.readTree(text);
                parent.set(leaf, value == null ? YAML.getNodeFactory().textNode("") : value);
            } catch (IOException e) {
                throw new ConfigException("cannot read the value of " + setting + ": " + e.getMessage());
            }
        }
        return this;
    }

    public PipelineConfig load() {
        return ConfigBinder.bind(tree);
    }

    /** The merged configuration as YAML, for manifests and the warehouse's record. */
    public String toYaml() {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Known keys only: a misspelt key in a file is an error, not a silently ignored setting. */
    private static void merge(ObjectNode base, ObjectNode layer, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = layer.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            JsonNode current = base.get(key);
            if (current == null && !OPEN_MAPS.contains(prefix)) {
                throw new ConfigException("unknown setting: " + prefix + key);
            }
            // category-rates is an open map: a layer replaces it whole
            if (current != null && current.isObject() && entry.getValue().isObject()
                    && !key.equals("category-rates")) {
                merge((ObjectNode) current, (ObjectNode) entry.getValue(), prefix + key + ".");
            } else {
                base.set(key, entry.getValue());
            }
        }
    }
}
