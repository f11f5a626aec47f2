package io.commercemetrics.jobs.generate;

/**
 * A share link of the simulation.
 *
 * @param depth 1 for a share without parent, parent's depth + 1 for a re-share
 */
record Share(String id, Shopper sharer, Share parent, int depth, long epochSecond, Catalog.Product product) {
}
