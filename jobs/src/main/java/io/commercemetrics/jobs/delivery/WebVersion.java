package io.commercemetrics.jobs.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML version of a report made fit for a mail body. The renderer embeds its charts as
 * {@code data:} URIs, which most mail programs (Gmail, Outlook) refuse to show; here each becomes an
 * inline image part of the message, referred to by {@code cid:}.
 *
 * @param html   the page, its images pointing at {@code cid:} parts
 * @param images the images, in the order they appear
 */
record WebVersion(String html, List<InlineImage> images) {

    private static final Pattern DATA_IMAGE = Pattern.compile("src=\"data:(image/[A-Za-z0-9.+-]+);base64,([^\"]*)\"");
    /** The exporter breaks long base64 lines as XML character references ({@code &#xA;}). */
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x[0-9A-Fa-f]+|[0-9]+);");

    /** @param contentId without the angle brackets, as the {@code cid:} URL names it */
    record InlineImage(String contentId, String contentType, byte[] bytes) {
    }

    static WebVersion read(Path file) throws IOException {
        String page = Files.readString(file, StandardCharsets.UTF_8);
        List<InlineImage> images = new ArrayList<>();
        Matcher image = DATA_IMAGE.matcher(page);
        StringBuilder html = new StringBuilder(page.length());
        while (image.find()) {
            String base64 = CHARACTER_REFERENCE.matcher(image.group(2)).replaceAll("");
            String contentId = "image-" + (images.size() + 1) + "@commerce-metrics";
            images.add(new InlineImage(contentId, image.group(1), Base64.getMimeDecoder().decode(base64)));
            image.appendReplacement(html, Matcher.quoteReplacement("src=\"cid:" + contentId + "\""));
        }
        image.appendTail(html);
        return new WebVersion(html.toString(), List.copyOf(images));
    }
}
