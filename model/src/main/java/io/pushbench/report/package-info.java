/**
 * The versioned result model of a pushbench load run: what {@code pushbench run} writes to
 * {@code results/<run-id>/report.json} and what {@code compare} and {@code plots} read.
 *
 * <p>Every record here is one JSON object; every numeric key carries its unit as a suffix
 * ({@code Micros}, {@code Millis}, {@code Bytes}, {@code PerSec}, ...) or is a plain count. The schema,
 * field by field, is documented in {@code docs/result-schema.md}. Changes after version 1 are additive:
 * new fields may appear, existing ones keep their name, type and meaning; readers ignore unknown fields.
 *
 * <p>Typical use:
 * <pre>{@code
 * RunReport report = ReportJson.read(Path.of("results/20261125T154500Z-3f2a/report.json"));
 * for (StrategyResult r : report.results()) {
 *     Histogram latency = r.latency().fromScheduled().decode();   // microseconds
 *     System.out.println(r.strategy().label() + " p99 " + latency.getValueAtPercentile(99) + " us");
 * }
 * }</pre>
 */
package io.pushbench.report;
