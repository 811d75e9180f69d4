/**
 * The application's own Prometheus metrics: GraphQL request latency, outcomes and errors by code,
 * active subscriptions ({@link dev.concierge.api.observability.GraphQlMetrics}); personalization,
 * experiment and ingestion counters that feature adapters report to ({@link
 * dev.concierge.api.observability.DomainMetrics}); and gauges refreshed in the background
 * (PostgreSQL degraded mode, outbox lag, recommendation model age: {@link
 * dev.concierge.api.observability.BackgroundGauges}). The chart's rules and dashboard under
 * {@code helm/concierge} use these names; a test checks that every name they use is scraped.
 */
@NullMarked
package dev.concierge.api.observability;

import org.jspecify.annotations.NullMarked;
