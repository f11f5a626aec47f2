package io.commercemetrics.jobs.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens an export's bytes (gunzipped by suffix) and text. Text is strict UTF-8 with an optional
 * byte-order mark; a file that is not valid UTF-8 is read in the configured fallback encoding
 * (DATA.md: "a file whose bytes are not valid UTF-8 is read with the encoding given"), strictly too.
 */
final class ExportInput {

    private static final int BUFFER = 1 << 16;

    private ExportInput() {
    }

    static InputStream openBytes(ExportFile file) throws IOException {
        return openBytes(file, bytes -> { });
    }

    /** @param counted told every count of bytes read from the file as stored (before gunzipping), for progress */
    static InputStream openBytes(ExportFile file, LongConsumer counted) throws IOException {
        InputStream in = new BufferedInputStream(new CountedInputStream(Files.newInputStream(file.path()), counted),
                BUFFER);
        return file.gzip() ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
    }

    /** The charset the file's text is in: UTF-8 unless it is not valid UTF-8 and a fallback is given. */
    static Charset charsetOf(ExportFile file, String fallbackEncoding) throws IOException {
        if (fallbackEncoding == null || fallbackEncoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        Charset fallback = Charset.forName(fallbackEncoding);
        if (fallback.equals(StandardCharsets.UTF_8)) {
            return fallback;
        }
        try (Reader probe = new InputStreamReader(openBytes(file), strict(StandardCharsets.UTF_8))) {
            char[] sink = new char[BUFFER];
            while (probe.read(sink) >= 0) {
                // only validity matters here
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return fallback;
        }
    }

    /** The decoded text, byte-order mark skipped; decoding errors surface as CharacterCodingException. */
    static Reader openText(ExportFile file, Charset charset) throws IOException {
        return openText(file, charset, bytes -> { });
    }

    /** As {@link #openText(ExportFile, Charset)}, telling {@code counted} the bytes read (progress). */
    static Reader openText(ExportFile file, Charset charset, LongConsumer counted) throws IOException {
        InputStream in = openBytes(file, counted);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] head = in.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            if (!bom) {
                in.reset();
            }
        }
        return new InputStreamReader(in, strict(charset));
    }

    /** The file's size as stored; 0 for a file that cannot be opened (a dangling link: nothing to read). */
    static long sizeOnDisk(ExportFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            return 0;
        }
    }

    /** Why the file cannot be opened at all (a dangling link, no permission), or null when it can. */
    static String unreadable(ExportFile file) {
        java.nio.file.Path path = file.path();
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "an unknown target";
            }
            return "dangling symbolic link: it points to " + target + ", which does not exist";
        }
        if (!Files.exists(path)) {
            return "the file disappeared before it could be read";
        }
        if (!Files.isReadable(path)) {
            return "cannot read the file: permission denied";
        }
        return null;
    }

    /** Turns a read failure into the whole-file reason DATA.md asks for. */
    static FileRejectedException rejection(ExportFile file, Charset charset, String fallbackEncoding,
                                           IOException e) {
        if (e instanceof CharacterCodingException) {
            if (charset.equals(StandardCharsets.UTF_8) && (fallbackEncoding == null || fallbackEncoding.isBlank())) {
                return new FileRejectedException("not valid UTF-8; if the export uses another encoding, "
                        + "give it with --encoding (source.encoding), e.g. GB18030");
            }
            return new FileRejectedException("not valid " + charset.name() + " text (" + e.getMessage() + ")");
        }
        if (file.gzip() && (e instanceof ZipException || e instanceof java.io.EOFException)) {
            return new FileRejectedException("broken gzip: " + e.getMessage());
        }
        return new FileRejectedException("cannot read the file: " + e.getMessage());
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
