package io.pushbench.server.http;

import io.netty.handler.codec.http.HttpMethod;
import io.pushbench.model.Strategy;

/** The server's endpoints: path, the one method allowed, and the strategy whose bucket counts it. */
public enum Route {
    PUBLISH("/publish/", true, HttpMethod.POST, null),
    POLL(Strategy.SHORT_POLLING.pathPrefix(), true, HttpMethod.GET, Strategy.SHORT_POLLING),
    LONG_POLL(Strategy.LONG_POLLING.pathPrefix(), true, HttpMethod.GET, Strategy.LONG_POLLING),
    SSE(Strategy.SSE.pathPrefix(), true, HttpMethod.GET, Strategy.SSE),
    WEBSOCKET(Strategy.WEBSOCKET.pathPrefix(), true, HttpMethod.GET, Strategy.WEBSOCKET),
    HEALTH("/health", false, HttpMethod.GET, null),
    CLOCK("/clock", false, HttpMethod.GET, null),
    METRICS("/metrics", false, HttpMethod.GET, null);

    private final String path;
    private final boolean hasTopic;
    private final HttpMethod method;
    private final Strategy strategy;

    Route(String path, boolean hasTopic, HttpMethod method, Strategy strategy) {
        this.path = path;
        this.hasTopic = hasTopic;
        this.method = method;
        this.strategy = strategy;
    }

    /** The route serving this path (prefix match for topic routes), or null (404). */
    public static Route match(String requestPath) {
        for (Route r : values()) {
            if (r.hasTopic ? requestPath.startsWith(r.path) : requestPath.equals(r.path)) {
                return r;
            }
        }
        return null;
    }

    /** The topic named by the path (everything after the prefix); only for topic routes. */
    public String topicOf(String requestPath) {
        return requestPath.substring(path.length());
    }

    /** Whether the path names a topic after the prefix. */
    public boolean hasTopic() {
        return hasTopic;
    }

    /** The one method this route answers. */
    public HttpMethod method() {
        return method;
    }

    /** The strategy whose counters this route's traffic goes to; null = control. */
    public Strategy strategy() {
        return strategy;
    }
}
