package io.commercemetrics.jobs.batch;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Whether a job repository already has Spring Batch's tables, asked before Spring opens it. */
final class JobRepositorySchema {

    private JobRepositorySchema() {
    }

    static boolean exists(String url, String user, String password) {
        // logs in as Spring will (no user: the empty one), or the probe would create a new H2 file under
        // another owner than the one Spring then opens it as
        try (Connection connection = DriverManager.getConnection(url, user == null ? "" : user,
                password == null ? "" : password)) {
            DatabaseMetaData meta = connection.getMetaData();
            // H2 folds unquoted names to upper case, PostgreSQL to lower case
            for (String table : new String[] {"BATCH_JOB_INSTANCE", "batch_job_instance"}) {
                try (ResultSet tables = meta.getTables(null, null, table, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            // Spring reports an unreachable database with its own message when it opens it
            return false;
        }
    }
}
