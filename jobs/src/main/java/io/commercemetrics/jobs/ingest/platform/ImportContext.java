package io.commercemetrics.jobs.ingest.platform;

import io.commercemetrics.jobs.config.ImportSettings;

/** What an adapter needs besides the file: the {@code imports:} settings and the warehouse's customer pseudonyms. */
public record ImportContext(ImportSettings settings, CustomerPseudonyms pseudonyms) {

    public OrderChannel orderChannel() {
        return new OrderChannel(settings.channels());
    }
}
