package io.commercemetrics.jobs.ingest.platform;

import java.util.Objects;
import java.util.function.Function;

/**
 * Order-level records from exports with one row per item, where the order's own fields stand on
 * its first row (the rows of an order follow each other). The order number is the first cell
 * named in {@code orderColumns}.
 */
final class FirstRowOfOrder implements SourceView {

    private final Function<PlatformRow, String[]> mapping;
    private final String[] orderColumns;
    private String order;
    private boolean started;

    FirstRowOfOrder(Function<PlatformRow, String[]> mapping, String... orderColumns) {
        this.mapping = mapping;
        this.orderColumns = orderColumns.length == 0 ? new String[] {"Name"} : orderColumns;
    }

    @Override
    public String[] map(PlatformRow row) {
        String name = row.get(orderColumns);
        boolean first = !started || !Objects.equals(name, order);
        started = true;
        order = name;
        return first ? mapping.apply(row) : null;
    }
}
