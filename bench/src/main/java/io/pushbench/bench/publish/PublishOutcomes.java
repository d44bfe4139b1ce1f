package io.pushbench.bench.publish;

/** Stock {@link PublishOutcome}s. */
public final class PublishOutcomes {

    /** Drops every report: for a connection check that publishes nothing. */
    public static final PublishOutcome IGNORE = new PublishOutcome() {
        @Override
        public void accepted(PublishMessage message, int status, long serverSeq) {
        }

        @Override
        public void failed(PublishMessage message, int status, String reason) {
        }

        @Override
        public void fateUnknown(PublishMessage message, int status, String reason) {
        }

        @Override
        public void reconnected() {
        }

        @Override
        public void resent(PublishMessage message) {
        }
    };

    private PublishOutcomes() {
    }
}
