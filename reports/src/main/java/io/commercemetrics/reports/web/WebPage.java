package io.commercemetrics.reports.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.commercemetrics.reports.jasper.ReportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the web version of a report: a Mustache template ({@code /web/<name>.mustache}, with the
 * shared partials beside it) filled with the report's model, and beside the page, in
 * {@code assets/}, the report font subset to the page's text with its licence, so the page shows
 * Chinese text on a machine without a CJK font and the folder can be copied or served as it is.
 */
public final class WebPage {

    public static final String ASSETS = "assets";
    private static final String FONT_LICENCE = "/fonts/wqy-microhei/LICENSE-Apache-2.0.txt";
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withLoader(WebPage::reader)
            .defaultValue("")
            .emptyStringIsFalse(true);
    private static final Map<String, Template> TEMPLATES = new HashMap<>();

    private WebPage() {
    }

    /**
     * @param name  the template, and the name of the page's font file ({@code assets/<name>.ttf})
     * @param model the template's values; {@code font} is added here
     * @return the files written: the page and its font
     */
    public static List<Path> write(String name, Map<String, Object> model, Path html) {
        String fontFile = ASSETS + "/" + name + ".ttf";
        Map<String, Object> values = new HashMap<>(model);
        values.put("font", fontFile);
        String page = template(name).execute(values);
        Path font = html.resolveSibling(fontFile);
        Path licence = font.resolveSibling("WenQuanYiMicroHei-LICENSE.txt");
        // the font first: a page that is there finds its font there
        ReportFiles.writeAtomically(font, out -> out.write(ReportFont.subset(page)));
        ReportFiles.writeAtomically(licence, out -> {
            try (InputStream in = WebPage.class.getResourceAsStream(FONT_LICENCE)) {
                in.transferTo(out);
            }
        });
        ReportFiles.writeAtomically(html, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        return List.of(html, font);
    }

    private static synchronized Template template(String name) {
        return TEMPLATES.computeIfAbsent(name, n -> {
            try (Reader reader = reader(n)) {
                return COMPILER.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + n, e);
            }
        });
    }

    private static Reader reader(String name) {
        String resource = "/web/" + name + ".mustache";
        InputStream in = WebPage.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing web template " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
