package io.pushbench.compare.cli;

import io.pushbench.report.compare.Thresholds;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The decision rules {@code compare} and {@code history} share, as command-line options. */
public final class ThresholdOptions {

    /** Default significance level of the two-sided test. */
    static final double DEFAULT_ALPHA = 0.05;
    /** Default smallest relative change of a timing that counts, percent. */
    static final double DEFAULT_MIN_EFFECT_PERCENT = 5;
    /** Default smallest relative change of an exact count that counts, percent. */
    static final double DEFAULT_MIN_COUNT_EFFECT_PERCENT = 1;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "" + DEFAULT_ALPHA,
            description = "Significance level of the two-sided Mann-Whitney U test, in (0, 1).")
    double alpha;

    @Option(names = "--min-effect", paramLabel = "PERCENT", defaultValue = "" + DEFAULT_MIN_EFFECT_PERCENT,
            description = "Smallest change of a timing metric (latency, CPU, throughput, JMH score) that counts, in percent.")
    double minEffectPercent;

    @Option(names = "--min-count-effect", paramLabel = "PERCENT", defaultValue = "" + DEFAULT_MIN_COUNT_EFFECT_PERCENT,
            description = "Smallest change of an exact-count metric (bytes/msg, requests/msg, B/op) that counts, in percent.")
    double minCountEffectPercent;

    /** The thresholds with these gated metric patterns, after checking their ranges. */
    Thresholds thresholds(List<String> gate) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new ParameterException(spec.commandLine(), "--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        if (!(minEffectPercent >= 0) || !(minCountEffectPercent >= 0)) {
            throw new ParameterException(spec.commandLine(), "--min-effect and --min-count-effect must be >= 0");
        }
        List<String> patterns = gate.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (patterns.equals(List.of("none"))) {
            patterns = List.of();
        }
        return new Thresholds(alpha, minEffectPercent, minCountEffectPercent, patterns);
    }
}
