package io.pushbench.server.log;

/** Creating one more topic would exceed the configured topic cap. */
public final class TooManyTopicsException extends IllegalStateException {

    public TooManyTopicsException(int maxTopics) {
        super("topic cap reached: at most " + maxTopics + " topics may exist");
    }
}
