package io.pushbench.bench.run.brokers;

import io.pushbench.bench.workload.DurationText;
import java.time.Duration;
import java.util.Locale;

/**
 * A fault to inject on purpose ({@code --fault}): {@code broker-restart@20s}, {@code instance-kill@20s},
 * {@code broker-pause@20s:5s}; the time counts from the start of the measured window.
 *
 * @param kind  what to do
 * @param at    when, after the measured window started
 * @param pause how long a pause lasts (zero for the others)
 * @param text  as given
 */
public record FaultSpec(Kind kind, Duration at, Duration pause, String text) {

    /** The faults. */
    public enum Kind {
        /** The broker's process is killed and started again with the same command line, directory and port. */
        BROKER_RESTART("broker-restart"),
        /** The last server instance is killed with SIGKILL; its clients reconnect to the others with their seq. */
        INSTANCE_KILL("instance-kill"),
        /** The broker's processes get SIGSTOP, then SIGCONT after the pause. */
        BROKER_PAUSE("broker-pause");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Parses {@code KIND@TIME} or {@code broker-pause@TIME:PAUSE}.
     *
     * @throws IllegalArgumentException naming what is wrong and the accepted forms
     */
    public static FaultSpec parse(String text) {
        int at = text.indexOf('@');
        String name = at < 0 ? text : text.substring(0, at).toLowerCase(Locale.ROOT);
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.label.equals(name)) {
                kind = k;
            }
        }
        if (kind == null || at < 0) {
            throw bad(text);
        }
        String when = text.substring(at + 1);
        Duration pause = Duration.ZERO;
        int colon = when.indexOf(':');
        if (kind == Kind.BROKER_PAUSE) {
            if (colon < 0) {
                throw new IllegalArgumentException("--fault " + text + ": a pause needs its length, e.g. broker-pause@20s:5s");
            }
            pause = parseDuration(text, when.substring(colon + 1));
            if (pause.isZero()) {
                throw new IllegalArgumentException("--fault " + text + ": the pause must be longer than 0");
            }
            when = when.substring(0, colon);
        } else if (colon >= 0) {
            throw bad(text);
        }
        return new FaultSpec(kind, parseDuration(text, when), pause, text);
    }

    private static Duration parseDuration(String text, String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fault " + text + ": " + e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("invalid --fault '" + text + "': expected broker-restart@TIME, "
                + "instance-kill@TIME or broker-pause@TIME:LENGTH (TIME after the measured window starts, e.g. 20s)");
    }
}
