/**
 * JMH benchmarks of the core's per-request work (segment evaluation and the page decision; a
 * customer's recommendations) and of the recommendation model's training, on realistic retail
 * workloads. Compiled in every build with the tests; run with the {@code jmh} profile (see the
 * module README). Not part of the published artifact.
 */
@NullMarked
package dev.concierge.personalization.bench;

import org.jspecify.annotations.NullMarked;
