package io.commercemetrics.jobs.ingest.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The first lines of a text export, enough to recognise it: decoded as UTF-8 when they are valid
 * UTF-8, else in the configured encoding, else GB18030 (what Chinese platforms export in, and a
 * superset of GBK and GB2312). A header in Chinese is almost never valid UTF-8 by accident.
 */
record HeaderSample(Charset charset, List<String> lines) {

    static final int MAX_LINES = 10;
    private static final int BYTES = 1 << 16;

    static HeaderSample read(Path file, String configuredEncoding) throws IOException {
        byte[] head;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            head = in.readNBytes(BYTES);
        }
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        // decode whole lines only: the sample may end inside a character
        int end = head.length;
        if (head.length == BYTES) {
            while (end > start && head[end - 1] != '\n') {
                end--;
            }
        }
        byte[] text = Arrays.copyOfRange(head, start, end);
        List<Charset> tries = new ArrayList<>(List.of(StandardCharsets.UTF_8));
        if (configuredEncoding != null && !configuredEncoding.isBlank()) {
            tries.add(Charset.forName(configuredEncoding));
        }
        tries.add(Charset.forName("GB18030"));
        for (Charset charset : tries) {
            try {
                String decoded = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text)).toString();
                return new HeaderSample(charset, decoded.lines().limit(MAX_LINES).toList());
            } catch (CharacterCodingException e) {
                // try the next
            }
        }
        throw new CharacterCodingException();
    }

    /** The cells of line {@code i} (a header row holds no line breaks, so one line is one record). */
    List<String> cells(int i) {
        List<String> cells = new ArrayList<>();
        String line = lines.get(i);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int p = 0; p < line.length(); p++) {
            char c = line.charAt(p);
            if (quoted) {
                if (c == '"' && p + 1 < line.length() && line.charAt(p + 1) == '"') {
                    cell.append('"');
                    p++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
