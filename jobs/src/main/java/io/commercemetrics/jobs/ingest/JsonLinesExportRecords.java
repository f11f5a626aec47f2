package io.commercemetrics.jobs.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.commercemetrics.schemas.TableSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines export records: one object per line. Values are read by their text, so {@code 4.0}
 * stays "4.0" (not an integer) and {@code 1e3} is not a decimal. A missing key is a null value,
 * as a missing CSV column is; a key given twice or a nested value spoils the record.
 */
final class JsonLinesExportRecords implements ExportRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedReader lines;
    private final TableSchema schema;
    private final String[] values;
    private final Map<String, Integer> fieldByKey = new HashMap<>();
    private final Set<String> unknown = new LinkedHashSet<>();
    private long lineNumber;
    private long recordLine;
    private String raw;
    private String problem;

    JsonLinesExportRecords(Reader reader, TableSchema schema) {
        this.lines = new BufferedReader(reader, 1 << 16);
        this.schema = schema;
        this.values = new String[schema.fields().size()];
    }

    @Override
    public boolean next() throws IOException {
        String text;
        do {
            text = lines.readLine();
            lineNumber++;
            if (text == null) {
                return false;
            }
        } while (text.isBlank());
        recordLine = lineNumber;
        raw = text;
        Arrays.fill(values, null);
        problem = null;
        try (JsonParser parser = JSON.createParser(text)) {
            parseObject(parser);
        } catch (JsonProcessingException e) {
            problem = "not valid JSON: " + e.getOriginalMessage();
        }
        return true;
    }

    private void parseObject(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            problem = "not a JSON object";
            return;
        }
        boolean[] seen = new boolean[values.length];
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            Integer field = fieldByKey.computeIfAbsent(key,
                    k -> schema.fieldForHeader(k).map(f -> schema.indexOf(f.name())).orElse(-1));
            if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (field >= 0 && problem == null) {
                    problem = key + " is a nested value, not a scalar";
                }
                continue;
            }
            if (field < 0) {
                unknown.add(key);
                continue;
            }
            if (seen[field] && problem == null) {
                problem = "repeated key: " + key;
            }
            seen[field] = true;
            values[field] = valueToken == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
            problem = "not a single JSON object on the line";
        }
    }

    @Override
    public long line() {
        return recordLine;
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public String[] values() {
        return values;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public Set<String> unknownColumns() {
        return unknown;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
