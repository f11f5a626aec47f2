package io.commercemetrics.jobs.cli;

import io.commercemetrics.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --warehouse} and {@code --state}: which warehouse, the same on every command that touches one. */
public class WarehouseOptions {

    @Option(names = "--warehouse", paramLabel = "DIR|URI", defaultValue = "var/warehouse",
            description = "The warehouse: a folder (default: ${DEFAULT-VALUE}), or a Hadoop file system URI for "
                    + "its tables (hdfs://namenode:8020/commerce, s3a://bucket/commerce; S3 keys from "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the endpoint with --set hadoop.fs.s3a.endpoint=URL).")
    String warehouse;

    @Option(names = "--state", paramLabel = "DIR",
            description = "With a --warehouse URI: the local folder for what runs keep on this machine (job "
                    + "history and catalog unless --job-repository names a database, staging, manifests). "
                    + "Default: var/state/<the URI as a folder name>.")
    Path state;

    Warehouse warehouse() {
        return Warehouse.of(warehouse, state);
    }

    /** These options as given, for a command run on the same warehouse. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--warehouse", warehouse));
        if (state != null) {
            args.addAll(List.of("--state", state.toString()));
        }
        return args;
    }
}
