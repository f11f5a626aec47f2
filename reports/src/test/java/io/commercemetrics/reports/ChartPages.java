package io.commercemetrics.reports;

import io.commercemetrics.reports.RenderedReports.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the charts of a rendered report as a reader sees them: the labels of a value axis where
 * they are printed, and the colour of each legend entry's swatch on the page's picture.
 */
final class ChartPages {

    /** A chart subreport is 385 points wide and 210 high, its title centred at its top. */
    private static final float HALF_WIDTH = 192;
    private static final float HEIGHT = 205;
    /** Legend words and the channel group whose colour they must show. */
    static final Map<String, String> LEGEND_GROUPS = Map.of("social", "social", "Share-credited orders", "social",
            "traditional", "traditional", "Traditional orders", "traditional", "other", "other");
    private static final float DPI = 144;

    private ChartPages() {
    }

    /** The words of the chart titled {@code title} on a page: those inside its frame, title included. */
    static List<Word> chartWords(List<Word> page, String title) {
        Word heading = page.stream().filter(w -> w.text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart titled \"" + title + "\" on the page"));
        float centre = heading.x() + heading.width() / 2;
        float top = heading.y() - 10;
        return page.stream().filter(w -> w.x() >= centre - HALF_WIDTH && w.right() <= centre + HALF_WIDTH
                && w.y() >= top && w.y() <= top + HEIGHT).toList();
    }

    /**
     * The value axis's labels: the numbers of the chart that stand right-aligned in one column (the
     * largest such column), top to bottom.
     */
    static List<Word> valueAxisLabels(List<Word> chart) {
        Map<Integer, List<Word>> byRightEdge = chart.stream().filter(w -> w.text().matches("-?[0-9][0-9,]*"))
                .collect(Collectors.groupingBy(w -> Math.round(w.right())));
        return byRightEdge.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of()).stream()
                .sorted(Comparator.comparingDouble(Word::y)).toList();
    }

    static long value(Word label) {
        return Long.parseLong(label.text().replace(",", ""));
    }

    /**
     * How far (in points) each label is printed from where its value lies on the axis that the
     * first and last labels define: 0 for every label of a linear axis whose labels sit on their ticks.
     */
    static List<Double> offsetsFromTicks(List<Word> labels) {
        Word top = labels.get(0);
        Word bottom = labels.get(labels.size() - 1);
        double pointsPerUnit = (bottom.y() - top.y()) / (double) (value(bottom) - value(top));
        List<Double> offsets = new ArrayList<>();
        for (Word label : labels) {
            offsets.add(Math.abs(label.y() - (top.y() + (value(label) - value(top)) * pointsPerUnit)));
        }
        return offsets;
    }

    /**
     * Per channel group, the colours of the legend swatches that name it, over every chart of the
     * report: a legend word with a coloured square just left of it.
     */
    static Map<String, Set<String>> legendColours(Path pdf) throws IOException {
        Map<String, Set<String>> colours = new TreeMap<>();
        for (int page = 1; page <= RenderedReports.pdfPages(pdf); page++) {
            List<Word> words = RenderedReports.words(pdf, page);
            if (words.stream().noneMatch(w -> LEGEND_GROUPS.containsKey(w.text()))) {
                continue;
            }
            BufferedImage image = RenderedReports.pageImage(pdf, page, DPI);
            for (Word word : words) {
                String group = LEGEND_GROUPS.get(word.text());
                String swatch = group == null ? null : swatch(image, word);
                if (swatch != null) {
                    colours.computeIfAbsent(group, g -> new TreeSet<>()).add(swatch);
                }
            }
        }
        return colours;
    }

    /** The dominant saturated colour in the few points left of a word, or null when there is none. */
    private static String swatch(BufferedImage image, Word word) {
        double scale = DPI / 72.0;
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = (int) ((word.y() - 7) * scale); y <= (int) ((word.y() + 1) * scale); y++) {
            for (int x = (int) ((word.x() - 12) * scale); x <= (int) ((word.x() - 1) * scale); x++) {
                if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
                    continue;
                }
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    counts.merge(rgb, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 9).max(Map.Entry.comparingByValue())
                .map(e -> String.format("#%06X", e.getKey())).orElse(null);
    }
}
