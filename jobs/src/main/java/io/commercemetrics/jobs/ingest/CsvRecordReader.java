package io.commercemetrics.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Streams RFC 4180 records with what the quarantine needs: the physical line a record starts on
 * and its exact raw text (quoted newlines included). A quote error spoils only its own record:
 * it is reported through {@link #problem()} and reading goes on at the next line break outside
 * quotes. (FastCSV 4 gives neither the raw text nor a way to continue after a quote error: its
 * iterator rethrows the same exception forever.) Empty lines are skipped. Not thread-safe.
 */
final class CsvRecordReader implements Closeable {

    private static final int EOF = -1;

    private final Reader reader;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private int recStart = -1;
    private boolean eof;

    private long line = 1;
    private long recordLine;
    private String raw;
    private String problem;
    private int fieldCount;
    /** Per field: start and end (relative to the record start) and whether {@code ""} must be unescaped. */
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] escaped = new boolean[32];
    private String[] values = new String[32];

    CsvRecordReader(Reader reader) {
        this.reader = reader;
    }

    /** Advances to the next record; false at the end of input. */
    boolean next() throws IOException {
        recStart = -1;
        while (true) {
            int c = peek();
            if (c == EOF) {
                return false;
            }
            if (c != '\n' && c != '\r') {
                break;
            }
            consumeLineBreak();
        }
        recStart = pos;
        recordLine = line;
        problem = null;
        fieldCount = 0;
        while (true) {
            int c = peek();
            if (c == '"') {
                c = readQuotedField();
            } else {
                c = readPlainField();
            }
            if (c == ',') {
                pos++;
                continue;
            }
            break;
        }
        int recEnd = pos;
        raw = new String(buf, recStart, recEnd - recStart);
        for (int i = 0; i < fieldCount; i++) {
            String v = new String(buf, recStart + starts[i], ends[i] - starts[i]);
            values[i] = escaped[i] ? v.replace("\"\"", "\"") : v;
        }
        recStart = -1;
        if (peek() != EOF) {
            consumeLineBreak();
        }
        return true;
    }

    long line() {
        return recordLine;
    }

    String raw() {
        return raw;
    }

    /** The quote error of this record, or null. */
    String problem() {
        return problem;
    }

    int fieldCount() {
        return fieldCount;
    }

    String field(int i) {
        return values[i];
    }

    /** Reads an unquoted field; returns the character that ended it (not consumed). */
    private int readPlainField() throws IOException {
        int start = pos - recStart;
        while (true) {
            // the hot loop of the whole ingest: scan the buffer directly, refill only at its end
            char[] b = buf;
            int p = pos;
            int end = limit;
            while (p < end) {
                char c = b[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    pos = p;
                    addField(start, pos - recStart, false);
                    return c;
                }
                if (c == '"' && problem == null) {
                    problem = "quote error: a quote inside an unquoted field";
                }
                p++;
            }
            pos = p;
            if (!fill()) {
                addField(start, pos - recStart, false);
                return EOF;
            }
        }
    }

    private int readQuotedField() throws IOException {
        pos++;
        int start = pos - recStart;
        boolean hasEscapes = false;
        while (true) {
            int c = peek();
            if (c == EOF) {
                problem = "quote error: quoted field not closed before the end of the file";
                addField(start, pos - recStart, hasEscapes);
                return EOF;
            }
            pos++;
            if (c == '"') {
                if (peek() == '"') {
                    pos++;
                    hasEscapes = true;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
        }
        addField(start, pos - 1 - recStart, hasEscapes);
        int c = peek();
        if (c != EOF && c != ',' && c != '\n' && c != '\r') {
            if (problem == null) {
                problem = "quote error: unexpected character after a closing quote";
            }
            while ((c = peek()) != EOF && c != ',' && c != '\n' && c != '\r') {
                pos++;
            }
        }
        return c;
    }

    private void consumeLineBreak() throws IOException {
        int c = peek();
        pos++;
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private void addField(int start, int end, boolean hasEscapes) {
        if (fieldCount == starts.length) {
            int n = starts.length * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            escaped = Arrays.copyOf(escaped, n);
            values = Arrays.copyOf(values, n);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        escaped[fieldCount] = hasEscapes;
        fieldCount++;
    }

    private int peek() throws IOException {
        if (pos < limit) {
            return buf[pos];
        }
        return fill() ? buf[pos] : EOF;
    }

    /** Refills the buffer, keeping the current record's characters (growing for a long record). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keepFrom = recStart >= 0 ? recStart : pos;
        int kept = limit - keepFrom;
        if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, kept);
        }
        pos -= keepFrom;
        if (recStart >= 0) {
            recStart = 0;
        }
        limit = kept;
        int n = reader.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
