package io.commercemetrics.jobs.ingest;

import static io.commercemetrics.jobs.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 "a clear answer for the unknown": a .csv, .jsonl or .parquet file that no name and no
 * header recognises is rejected whole, naming the closest known format and what it lacks; the
 * other files of a folder (README, settings, spreadsheets) are left alone as before.
 */
class UnknownExportRejectionTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownHeaderIsRejectedNamingTheClosestFormatAndItsMissingColumns() throws Exception {
        Path in = tmp.resolve("in");
        // a Shopify export cut down by hand: two of its identifying columns are gone
        write(in, "my-shop.csv", "Name,Email,Currency,Subtotal,Created at,Lineitem quantity,Lineitem name,"
                + "Lineitem price\n#1,a@example.com,EUR,10.00,2025-10-01 10:00:00 +0200,1,Tee,10.00\n");
        // the orders contract under a name that is not a source's
        write(in, "export-2026.csv", IngestFixtures.ORDERS_HEADER + "\n");
        write(in, "clicks.jsonl", "{\"click_id\":\"k1\",\"share_id\":\"s1\",\"ts\":\"2026-10-01T00:00:00Z\"}\n");
        write(in, "weird.csv", "alpha,beta\n1,2\n");
        write(in, "data.parquet", "x");
        write(in, "README.md", "notes");
        write(in, "commerce-metrics.yaml", "reporting: {currency: EUR}\n");
        write(in, "budget.xlsx", "x");

        DiscoveredFiles found = IngestFixtures.run(in, tmp.resolve("wh"), "r1").discover();

        assertThat(found.all()).isEmpty();
        assertThat(found.notices()).containsExactlyInAnyOrder(
                "rejected: " + in.resolve("clicks.jsonl") + ": matches no known export; closest: share_clicks "
                        + "(missing: visitor_id, click_ts)",
                "rejected: " + in.resolve("data.parquet") + ": a Parquet export is recognised by its name only: "
                        + "name it <source>.parquet or <source>-<anything>.parquet",
                "rejected: " + in.resolve("export-2026.csv") + ": its header is that of orders, but its name is not: "
                        + "name it orders.csv or orders-<anything>.csv to ingest it",
                "rejected: " + in.resolve("my-shop.csv") + ": matches no known export; closest: shopify-orders "
                        + "(missing: Financial Status, Paid at)",
                "rejected: " + in.resolve("weird.csv") + ": matches no known export: none of its columns belongs to "
                        + "a source of the input contract or to shopify-orders, chinese-platform-orders, ad-spend-report",
                "not an export of any source, left alone: " + in.resolve("budget.xlsx"));
    }

    @Test
    void aRejectedFileLeavesTheOtherFilesOfTheRunToBeRead() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "orders.csv", IngestFixtures.ORDERS_HEADER + "\no1,c1,2026-10-01T10:00:00Z,paid,EUR,10.00,0,search\n");
        write(in, "weird.csv", "alpha,beta\n1,2\n");

        IngestRun run = IngestFixtures.run(in, tmp.resolve("wh"), "r1");

        assertThat(run.discover().filesOf("orders")).extracting(ExportFile::name).containsExactly("orders.csv");
        assertThat(run.ingestSource("orders").files().get(0).accepted()).isEqualTo(1);
        assertThat(run.summary().notices()).singleElement().asString().startsWith("rejected: ")
                .contains("weird.csv");
    }
}
