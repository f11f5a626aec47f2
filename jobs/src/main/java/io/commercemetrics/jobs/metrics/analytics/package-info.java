/**
 * The analytical tables of {@code docs/metrics.md} (repurchase, traffic cost, social spread, reviews
 * and trust) and the foundations they share: {@link io.commercemetrics.jobs.metrics.analytics.DataEnd},
 * {@link io.commercemetrics.jobs.metrics.analytics.ReportingCurrency} and the prep views registered by
 * {@link io.commercemetrics.jobs.metrics.analytics.AnalyticsMetrics} ({@code counted_orders},
 * {@code customer_first_orders}, {@code calendar}, {@code fx_daily}, {@code share_chains}). The SQL lives
 * in {@code resources/metrics/<view or table>.sql}; Java here only orders the steps.
 *
 * <p>Readings of the spec where it is silent, each also commented at its SQL:
 * <ul>
 *   <li>review_summary carries the cube of its two keys: (group, category), (group, '*'), ('*', category)
 *       and ('*', '*'); trust_effect has '*' rows for acquisition_group only, not for first_review.</li>
 *   <li>An order line without category counts in category '(none)', as an order without lines does.</li>
 *   <li>"reviewed, whenever written" still ignores reviews dated after the data end.</li>
 *   <li>Conversion keeps amounts to 8 places and rates to 12 before multiplying, so every converted
 *       amount is exact in DECIMAL(38,20); a missing rate (which ingest should have quarantined) stops
 *       the run naming currency and date.</li>
 * </ul>
 */
package io.commercemetrics.jobs.metrics.analytics;
