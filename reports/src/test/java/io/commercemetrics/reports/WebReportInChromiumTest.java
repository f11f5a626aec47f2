package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web version of the golden warehouse's reports of October 2026, opened in a real headless
 * Chromium at a laptop's width (1280 px) and a phone's (390 px): the page paints, its font loads
 * from the assets beside it, the Chinese review text and the title are in the document, and on a
 * phone only the wide tables scroll sideways, never the page.
 */
class WebReportInChromiumTest {

    static final int LAPTOP = 1280;
    static final int PHONE = 390;

    @TempDir
    static Path dir;
    static HeadlessChromium chromium;
    static Path month;

    @BeforeAll
    static void renderOctober() throws Exception {
        chromium = HeadlessChromium.find(dir.resolve("profile")).orElse(null);
        Assumptions.assumeTrue(chromium != null, "no Chromium: set " + HeadlessChromium.ENV
                + " or put chromium on the PATH (apt-get install chromium) to run the web report tests");
        new ReportRenderer().render(new ReportRequest(GoldenWarehouse.write(dir.resolve("warehouse")),
                dir.resolve("out"), "2026-10", ReportKind.all, null));
        month = dir.resolve("out/2026-10");
    }

    @Test
    void theManagementPageHasItsTitleAndTheChineseReviewInTheDocument() throws Exception {
        String dom = chromium.dumpDom(month.resolve("management.html"), LAPTOP, 2000);
        assertThat(dom).contains("<title>Management report · month 2026-10</title>")
                .contains(GoldenWarehouse.CHINESE_TITLE).contains("包装破损")
                // the same figures as the PDF: the headline revenue and its change
                .contains("CNY 144,444.33").contains("+20.4%");
        assertThat(chromium.dumpDom(month.resolve("finance.html"), LAPTOP, 2000))
                .contains("<title>Commission statement and reconciliation · month 2026-10</title>");
    }

    @Test
    void theFontBesideThePageLoads() throws Exception {
        assertThat(chromium.measure(month.resolve("management.html"), LAPTOP).fonts())
                .isEqualTo("WenQuanYi Micro Hei=loaded");
        assertThat(Files.size(month.resolve("assets/management.ttf"))).isBetween(10_000L, 400_000L);
    }

    @Test
    void onAPhoneThePageDoesNotScrollSideways() throws Exception {
        for (String page : new String[] {"management.html", "finance.html"}) {
            HeadlessChromium.Layout layout = chromium.measure(month.resolve(page), PHONE);
            assertThat(layout.viewportWidth()).as(page + " laid out at a phone's width").isEqualTo(PHONE);
            assertThat(layout.scrollWidth()).as(page + " scroll width at " + PHONE + " px").isLessThanOrEqualTo(PHONE);
        }
    }

    @Test
    void screenshotsAtBothWidthsShowAPaintedPage() throws Exception {
        for (int width : new int[] {LAPTOP, PHONE}) {
            Path png = dir.resolve("management-" + width + ".png");
            chromium.screenshot(month.resolve("management.html"), width, 2000, png);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(width);
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            double inked = (double) ink / ((long) image.getWidth() * image.getHeight());
            // text, table stripes, shaded cells and coloured bars: a blank or unstyled page has neither
            assertThat(colours).as("distinct colours at " + width + " px").hasSizeGreaterThan(200);
            assertThat(inked).as("share of non-white pixels at " + width + " px").isGreaterThan(0.08);
        }
    }
}
