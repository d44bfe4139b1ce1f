package io.pushbench.report.compare;

/**
 * One setting whose value differs between two runs.
 *
 * @param key the setting, e.g. {@code config.clients} or {@code environment.cpuModel}
 * @param base its value in the base run; {@code (absent)} when the base does not have it
 * @param candidate its value in the candidate run; {@code (absent)} when the candidate does not have it
 */
public record Difference(String key, String base, String candidate) {
}
