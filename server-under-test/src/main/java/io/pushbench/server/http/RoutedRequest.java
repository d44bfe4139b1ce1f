package io.pushbench.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.pushbench.server.log.TopicLog;

/**
 * A request the router has checked: its route, its topic (null for routes without one), the client's
 * cursor and whether the connection stays open. Valid only during the {@code channelRead} that carries it:
 * the router releases {@code request} afterwards.
 *
 * @param after the client's cursor ({@code Last-Event-ID} or {@code ?after=}), 0 when not given
 */
public record RoutedRequest(Route route, TopicLog topic, long after, boolean keepAlive, FullHttpRequest request) {
}
