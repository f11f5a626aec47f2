package io.commercemetrics.reports;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Debian's {@code chromium}, driven through its command line in headless mode: screenshots and the
 * DOM after scripts ran, at a given window size. {@code COMMERCE_METRICS_TEST_CHROMIUM} names the
 * binary (CI sets it, see {@code .ci/run}); without it, the first {@code chromium} on the PATH.
 */
final class HeadlessChromium {

    static final String ENV = "COMMERCE_METRICS_TEST_CHROMIUM";
    private static final String[] NAMES = {"chromium", "chromium-browser", "google-chrome"};
    /** Time the page gets to load its font and run its scripts before Chromium shoots or dumps it. */
    private static final String BUDGET_MS = "5000";
    /** Headless Chromium widens a narrower window to this. */
    static final int MIN_WINDOW = 500;

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /**
     * The browser named by the variable, else found on the PATH; empty only when neither exists.
     *
     * @throws IllegalStateException when the variable names no executable: CI must not skip silently
     */
    static Optional<HeadlessChromium> find(Path profile) {
        String named = System.getenv(ENV);
        if (named != null && !named.isBlank()) {
            Path binary = Path.of(named);
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(ENV + "=" + named + " is no executable");
            }
            return Optional.of(new HeadlessChromium(binary, profile));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate, profile));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A picture of the page laid out {@code width} CSS px wide. Headless Chromium keeps its window at
     * least {@link #MIN_WINDOW} px wide, so the page is shown in a frame of exactly that width (a
     * frame is a viewport of its own: the page's media queries see its width), and the picture is
     * cut to the frame.
     */
    void screenshot(Path page, int width, int height, Path png) throws IOException, InterruptedException {
        Path frame = frame(page, page.getFileName().toString(), width, height, "");
        try {
            run(frame, Math.max(width, MIN_WINDOW), height, "--screenshot=" + png.toAbsolutePath());
        } finally {
            Files.deleteIfExists(frame);
        }
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot " + png);
        }
        BufferedImage shot = ImageIO.read(png.toFile());
        if (shot.getWidth() > width) {
            ImageIO.write(shot.getSubimage(0, 0, width, shot.getHeight()), "png", png.toFile());
        }
    }

    /** The document as serialised after its scripts ran. */
    String dumpDom(Path page, int width, int height) throws IOException, InterruptedException {
        return run(page, width, height, "--dump-dom");
    }

    /**
     * The layout at a width as the page's own script measures it: a copy of the page beside it (so
     * its relative links still resolve), shown in a frame of that width, posts the document's scroll
     * width, its viewport's width and the state of its web fonts, once the fonts are ready, to the
     * framing page, which writes them onto its root element for {@code --dump-dom}.
     */
    Layout measure(Path page, int width) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String probe = """
                <script>
                document.fonts.ready.then(function () {
                  var root = document.documentElement, faces = [];
                  document.fonts.forEach(function (face) { faces.push(face.family.replace(/["']/g, '') + '=' + face.status); });
                  parent.postMessage({scrollWidth: root.scrollWidth, viewportWidth: window.innerWidth,
                                      fonts: faces.join(';')}, '*');
                });
                </script>
                """;
        Path copy = page.resolveSibling(".probe-" + width + "-" + page.getFileName());
        Files.writeString(copy, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);
        String listener = """
                <script>
                addEventListener('message', function (event) {
                  var root = document.documentElement;
                  root.setAttribute('data-scroll-width', event.data.scrollWidth);
                  root.setAttribute('data-viewport-width', event.data.viewportWidth);
                  root.setAttribute('data-fonts', event.data.fonts);
                });
                </script>
                """;
        Path frame = frame(page, copy.getFileName().toString(), width, 1000, listener);
        try {
            String dom = dumpDom(frame, Math.max(width, MIN_WINDOW), 1000);
            return new Layout(Integer.parseInt(attribute(dom, "data-scroll-width")),
                    Integer.parseInt(attribute(dom, "data-viewport-width")), attribute(dom, "data-fonts"));
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(frame);
        }
    }

    /** A page beside {@code page} that shows {@code src} in a frame of {@code width} x {@code height} px. */
    private static Path frame(Path page, String src, int width, int height, String script) throws IOException {
        Path frame = page.resolveSibling(".frame-" + width + "-" + page.getFileName());
        Files.writeString(frame, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + script
                + "</head><body style=\"margin:0\"><iframe src=\"" + src + "\" style=\"border:0;display:block;width:"
                + width + "px;height:" + height + "px\"></iframe></body></html>", StandardCharsets.UTF_8);
        return frame;
    }

    /** @param fonts each web font as {@code family=status}, {@code ;}-separated */
    record Layout(int scrollWidth, int viewportWidth, String fonts) {
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        if (!m.find()) {
            throw new IllegalStateException("the page's probe did not run: no " + name + " in the dumped DOM");
        }
        return m.group(1);
    }

    private String run(Path page, int width, int height, String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=" + BUDGET_MS,
                "--window-size=" + width + "," + height, action, page.toUri().toString()));
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
