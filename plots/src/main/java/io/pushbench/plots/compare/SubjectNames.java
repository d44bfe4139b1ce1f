package io.pushbench.plots.compare;

import java.util.List;
import java.util.Optional;

/**
 * Shortens subject names for axes and legends: when every subject is a method of one benchmark class
 * ({@code WebSocketFrameEncoderBenchmark.encodeFrame [payloadBytes=64]}), the class goes once into the
 * subtitle and the subjects keep the rest.
 */
final class SubjectNames {

    private SubjectNames() {
    }

    /** The class prefix all subjects share, e.g. {@code "WebSocketFrameEncoderBenchmark"}; empty when none. */
    static Optional<String> commonClass(List<String> subjects) {
        String first = subjects.isEmpty() ? "" : subjects.get(0);
        int dot = first.indexOf('.');
        int space = first.indexOf(' ');
        if (dot <= 0 || (space >= 0 && space < dot)) {
            return Optional.empty();
        }
        String prefix = first.substring(0, dot + 1);
        return subjects.stream().allMatch(s -> s.startsWith(prefix))
                ? Optional.of(first.substring(0, dot)) : Optional.empty();
    }

    /** The subject without the shared class prefix. */
    static String shorten(String subject, Optional<String> commonClass) {
        return commonClass.map(c -> subject.substring(c.length() + 1)).orElse(subject);
    }
}
