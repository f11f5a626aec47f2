package io.commercemetrics.reports.web;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The font the PDFs embed (WenQuanYi Micro Hei: Latin and CJK in one face), for the web page: the
 * charts measure their text with it, and the page gets a copy subset to the characters it shows.
 * The whole face is 3 MB; a page's subset is some tens of kB, like the subset a PDF embeds.
 */
public final class ReportFont {

    /** The family name the PDFs' font extension and the page's {@code @font-face} both use. */
    public static final String FAMILY = "WenQuanYi Micro Hei";
    private static final String RESOURCE = "/fonts/wqy-microhei/WenQuanYiMicroHei.ttf";
    /** Printable ASCII and Latin-1, dashes, quotes, bullets and the ellipsis, whatever the page holds. */
    private static final String ALWAYS = " –—‘’“”•·…×";

    private static byte[] bytes;
    private static Font awt;

    private ReportFont() {
    }

    /** The face at a size, for measuring and drawing chart text. */
    public static synchronized Font awt(int style, float size) {
        if (awt == null) {
            try {
                awt = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot read the report font " + RESOURCE, e);
            }
        }
        return awt.deriveFont(style, size);
    }

    /** A TrueType font with the glyphs of every character of {@code text}, and of {@link #ALWAYS}. */
    public static byte[] subset(String text) {
        Set<Integer> codePoints = new TreeSet<>();
        for (int c = 0x20; c <= 0xFF; c++) {
            codePoints.add(c);
        }
        ALWAYS.codePoints().forEach(codePoints::add);
        text.codePoints().filter(c -> c >= 0x20).forEach(codePoints::add);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes()))) {
            TTFSubsetter subsetter = new TTFSubsetter(font);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset the report font", e);
        }
    }

    private static synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing report font " + RESOURCE);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
        return bytes;
    }
}
