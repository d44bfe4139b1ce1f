package io.pushbench.bench.client.headers;

import io.pushbench.model.Strategy;

/** The three kinds of request a browser makes to a push server; each has its own headers. */
public enum RequestKind {
    /** {@code fetch()}: short and long polls. */
    FETCH("fetch"),
    /** {@code new EventSource()}: the SSE request. */
    EVENT_SOURCE("eventsource"),
    /** {@code new WebSocket()}: the handshake. */
    WEB_SOCKET("websocket");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    /** The section name in a header profile file. */
    public String label() {
        return label;
    }

    /** The kind a strategy's client makes. */
    public static RequestKind of(Strategy strategy) {
        switch (strategy) {
            case SSE: return EVENT_SOURCE;
            case WEBSOCKET: return WEB_SOCKET;
            default: return FETCH;
        }
    }

    static RequestKind fromLabel(String label) {
        for (RequestKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }
}
