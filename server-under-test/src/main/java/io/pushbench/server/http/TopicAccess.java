package io.pushbench.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.pushbench.server.PushServerConfig;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.log.TopicLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one place that decides what a request may create: only an authorised publish creates a topic (and
 * counts against {@code --max-topics}); a subscriber's request never does, it gets the existing topic or
 * a pending one that costs nothing lasting ({@link MessageLog#topicToRead}).
 */
final class TopicAccess {

    private final MessageLog log;
    private final byte[] token;

    TopicAccess(MessageLog log, PushServerConfig config) {
        this.log = log;
        this.token = config.publishNeedsToken() ? config.publishToken().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** Whether the request may publish: no token configured, or {@code Authorization: Bearer <token>}. */
    boolean mayPublish(FullHttpRequest request) {
        return token == null || presentsToken(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    }

    /** The topic a request of this route works on: created for a publish, never for a subscriber. */
    TopicLog topicFor(Route route, String name) {
        return route == Route.PUBLISH ? log.topic(name) : log.topicToRead(name);
    }

    /** RFC 7235 section 2.1: the scheme name is case-insensitive; the token is compared in constant time. */
    private boolean presentsToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return false;
        }
        byte[] given = value.substring(space + 1).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
