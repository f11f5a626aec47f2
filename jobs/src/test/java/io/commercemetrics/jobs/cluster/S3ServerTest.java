package io.commercemetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server of the tests speaks S3 to Hadoop's S3A client as the product builds it (hadoop-aws
 * with the AWS SDK's S3 modules, no SDK bundle): a file written is listed and read back, and a
 * request signed with another key is refused.
 */
class S3ServerTest {

    @TempDir
    Path dir;

    @Test
    void s3aWritesListsAndReadsObjectsAndAWrongKeyIsRefused() throws Exception {
        try (S3Server s3 = S3Server.start(dir.resolve("s3"), "test-access", "test-secret")) {
            s3.createBucket("shop");
            try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://shop/"), client(s3, "test-secret"))) {
                try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path("s3a://shop/a/b.txt"))) {
                    out.write("hello".getBytes(StandardCharsets.UTF_8));
                }
                try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path("s3a://shop/a/c.txt"))) {
                    out.write("copied".getBytes(StandardCharsets.UTF_8));
                }
                try (var in = fs.open(new org.apache.hadoop.fs.Path("s3a://shop/a/b.txt"))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
                }
                try (var in = fs.open(new org.apache.hadoop.fs.Path("s3a://shop/a/c.txt"))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("copied");
                }
                assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("s3a://shop/a"))).hasSize(2);
            }
            assertThat(s3.objectKeys("shop", "a/")).containsExactly("a/b.txt", "a/c.txt");

            try (FileSystem wrong = FileSystem.newInstance(URI.create("s3a://shop/"), client(s3, "not-the-secret"))) {
                assertThatThrownBy(() -> wrong.getFileStatus(new org.apache.hadoop.fs.Path("s3a://shop/a/b.txt")))
                        .hasMessageContaining("403");
            }
        }
    }

    private static Configuration client(S3Server s3, String secret) {
        Configuration conf = new Configuration();
        s3.hadoopSettings().forEach(conf::set);
        // the product takes the keys from the environment; a test JVM cannot set its own
        conf.set("fs.s3a.access.key", "test-access");
        conf.set("fs.s3a.secret.key", secret);
        conf.setInt("fs.s3a.attempts.maximum", 1);
        conf.setInt("fs.s3a.retry.limit", 1);
        return conf;
    }
}
