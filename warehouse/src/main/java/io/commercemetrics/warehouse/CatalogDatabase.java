package io.commercemetrics.warehouse;

import java.util.Objects;

/**
 * The database that holds the Iceberg catalog and the metrics run records: the job repository's
 * (the H2 file under the warehouse, or the PostgreSQL database {@code --job-repository} names), so
 * one database answers both "what ran" and "which snapshot is current".
 *
 * @param user     null for the embedded H2 file
 * @param password null for the embedded H2 file; from the environment otherwise, never printed
 */
public record CatalogDatabase(String url, String user, String password) {

    public CatalogDatabase {
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "CatalogDatabase[" + url + (user == null ? "" : ", user " + user) + "]";
    }
}
