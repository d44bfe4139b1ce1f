package io.pushbench.bench.client.poll;

import io.pushbench.bench.client.ClientTarget;

/** Picks the body parser for a target. */
public final class PollBodyParsers {
    private PollBodyParsers() {
    }

    /** A new parser for one connection to this target. */
    public static PollBodyParser forTarget(ClientTarget target) {
        return switch (target.pollBodyFormat()) {
            case PUSHBENCH_BATCH -> new BatchBodyParser();
            case SINGLE -> new SinglePayloadBodyParser();
            case LINES -> new LineBodyParser();
        };
    }
}
