package io.pushbench.bench.client.http;

/** The bytes from the server do not follow the expected framing; the message says where and how. */
public final class HttpFramingException extends RuntimeException {
    public HttpFramingException(String message) {
        super(message);
    }
}
