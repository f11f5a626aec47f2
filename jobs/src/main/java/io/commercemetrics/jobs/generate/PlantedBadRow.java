package io.commercemetrics.jobs.generate;

/**
 * One deliberately broken record the generator wrote, so tests and the README can point at it.
 *
 * @param file   the file name, e.g. {@code reviews.csv}
 * @param line   the 1-based physical line where the record starts
 * @param kind   what is wrong with it
 * @param column the offending column
 * @param value  the offending value as written ({@code ""} for an empty one)
 */
public record PlantedBadRow(String file, long line, BadRowKind kind, String column, String value) {
}
