package io.commercemetrics.jobs.ingest.platform;

import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;

/** Builds one record of a contract source by field name (the values the row validator then types). */
final class ContractRecord {

    private final TableSchema schema;
    private final String[] values;

    ContractRecord(String source) {
        this.schema = Sources.byName(source).orElseThrow();
        this.values = new String[schema.fields().size()];
    }

    ContractRecord set(String field, String value) {
        values[schema.indexOf(field)] = value;
        return this;
    }

    String[] values() {
        return values;
    }
}
