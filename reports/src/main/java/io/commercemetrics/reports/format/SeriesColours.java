package io.commercemetrics.reports.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The colour of each channel group in every chart of every report, so a reader who has learnt that
 * social is orange on one page finds it orange on the next. A series that is no channel group (the
 * reviews of a rating chart) gets a neutral colour that no group has.
 */
public final class SeriesColours {

    public static final String SOCIAL = "#E07B39";
    public static final String TRADITIONAL = "#3A6EA5";
    public static final String OTHER = "#8A8A8A";
    /** For series that are not a channel group. */
    public static final String NEUTRAL = "#6B5B95";

    private SeriesColours() {
    }

    /** The colour of a channel group ({@code social}, {@code traditional}, {@code other}). */
    public static String ofGroup(String group) {
        return switch (group) {
            case "social" -> SOCIAL;
            case "traditional" -> TRADITIONAL;
            default -> OTHER;
        };
    }

    /** Series names to colours, for the chart template's {@code SeriesColours} parameter. */
    public static Map<String, String> of(String... seriesAndColours) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (int i = 0; i < seriesAndColours.length; i += 2) {
            colours.put(seriesAndColours[i], seriesAndColours[i + 1]);
        }
        return colours;
    }
}
