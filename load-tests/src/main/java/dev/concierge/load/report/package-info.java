/**
 * Turns Gatling's reports of a benchmark run into load-tests/RESULTS.md and its chart: the figures
 * come from Gatling's own output, never typed in by hand.
 */
package dev.concierge.load.report;
