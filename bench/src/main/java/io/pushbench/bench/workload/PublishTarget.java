package io.pushbench.bench.workload;

import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.bench.publish.PublishTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and how messages are published; the scheme of the URL picks the kind of publisher:
 * <ul>
 *   <li>{@code http://host:port/path/{topic}}: an HTTP request per message, method {@code POST} by default, body =
 *       the payload unless a body template is given; extra headers and a bearer token.</li>
 *   <li>{@code redis://[user:password@]host[:6379]/<channel template>}: {@code PUBLISH channel payload}; the channel
 *       template defaults to {@code {topic}}.</li>
 *   <li>{@code postgresql://host[:5432]/database?user=...&channel=<template>}: {@code SELECT pg_notify(channel,
 *       payload)}; other query parameters go to the JDBC driver; the channel defaults to {@code {topic}}.</li>
 * </ul>
 * Templates use {@link PublishTemplate}'s placeholders; {@code {topic}} must appear in the URL, the body or the
 * channel, or every topic would be published to the same place.
 */
public final class PublishTarget {

    /** The kinds of publisher, by URL scheme. */
    public enum Kind {
        HTTP("http"), REDIS("redis"), POSTGRES("postgresql");

        private final String scheme;

        Kind(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    /** An extra request header. */
    public record Header(String name, String value) {
    }

    private static final int POSTGRES_PORT = 5432;
    private static final int REDIS_PORT = 6379;

    private final Kind kind;
    private final String url;
    private final String host;
    private final int port;
    private final String method;
    private final PublishTemplate target;
    private final PublishTemplate body;
    private final List<Header> headers;
    private final String bearerToken;
    private final String userInfo;
    private final String jdbcUrl;
    /** Server instances the messages are spread over (round-robin), empty = this target only; set by {@link #roundRobin}. */
    private List<PublishTarget> instances = List.of();

    private PublishTarget(Kind kind, String url, String host, int port, String method, PublishTemplate target,
                          PublishTemplate body, List<Header> headers, String bearerToken, String userInfo, String jdbcUrl) {
        this.kind = kind;
        this.url = url;
        this.host = host;
        this.port = port;
        this.method = method;
        this.target = target;
        this.body = body;
        this.headers = List.copyOf(headers);
        this.bearerToken = bearerToken;
        this.userInfo = userInfo;
        this.jdbcUrl = jdbcUrl;
    }

    /** An HTTP {@code POST} of the raw payload to this URL template (the default publisher). */
    public PublishTarget(String urlTemplate, String bearerToken) {
        this(parse(urlTemplate, null, null, List.of(), bearerToken));
    }

    private PublishTarget(PublishTarget t) {
        this(t.kind, t.url, t.host, t.port, t.method, t.target, t.body, t.headers, t.bearerToken, t.userInfo, t.jdbcUrl);
    }

    /**
     * Several server instances behind one broker, published to in turn: message {@code k} of a topic goes to instance
     * {@code k % N} (docs/brokers.md, {@code --publish-to all}).
     */
    public static PublishTarget roundRobin(List<PublishTarget> targets) {
        if (targets.size() == 1) {
            return targets.get(0);
        }
        PublishTarget t = new PublishTarget(targets.get(0));
        t.instances = List.copyOf(targets);
        return t;
    }

    /** The instances published to in turn; empty when this target is the only one. */
    public List<PublishTarget> instances() {
        return instances;
    }

    /** The pushbench server's publish endpoint at host:port. */
    public static PublishTarget pushbench(String host, int port, String bearerToken) {
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return new PublishTarget("http://" + authority + ":" + port + "/publish/{topic}", bearerToken);
    }

    /**
     * Parses the publish options as given on the command line.
     *
     * @param url     the publish URL; its scheme picks the kind
     * @param method  HTTP method, or null for {@code POST}
     * @param body    HTTP body template, or null for the raw payload
     * @param headers extra HTTP headers, each {@code "Name: value"}
     * @param token   bearer token (HTTP), or null
     * @throws IllegalArgumentException naming what is wrong
     */
    public static PublishTarget parse(String url, String method, String body, List<String> headers, String token) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("publish URL '" + url + "' has no scheme; expected http://, redis:// or postgresql://");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "http" -> Kind.HTTP;
            case "redis" -> Kind.REDIS;
            case "postgresql", "postgres" -> Kind.POSTGRES;
            default -> throw new IllegalArgumentException("publish URL '" + url + "': scheme '" + scheme
                    + "' is not supported; use http://, redis:// or postgresql:// (TLS is not supported)");
        };
        if (kind != Kind.HTTP && (method != null || body != null || !headers.isEmpty() || token != null)) {
            throw new IllegalArgumentException("--publish-method, --publish-body, --publish-header and --publish-token "
                    + "apply to http:// publish URLs only, not to '" + url + "'");
        }
        int authorityStart = schemeEnd + 3;
        int pathStart = indexOfAny(url, authorityStart, "/?");
        String authority = pathStart < 0 ? url.substring(authorityStart) : url.substring(authorityStart, pathStart);
        String rest = pathStart < 0 ? "" : url.substring(pathStart);
        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        int defaultPort = kind == Kind.HTTP ? 80 : kind == Kind.REDIS ? REDIS_PORT : POSTGRES_PORT;
        UrlTemplate.Authority hostPort = UrlTemplate.Authority.parse("publish URL '" + url + "'", authority, defaultPort);
        String host = hostPort.host();
        int port = hostPort.port();
        switch (kind) {
            case HTTP: {
                if (userInfo != null) {
                    throw new IllegalArgumentException("publish URL '" + url + "': user info is not supported; use --publish-header 'Authorization: ...' or --publish-token");
                }
                PublishTemplate target = PublishTemplate.parse(rest.startsWith("/") ? rest : "/" + rest);
                PublishTemplate bodyTemplate = body == null ? null : PublishTemplate.parse(body);
                if (!target.hasTopic() && (bodyTemplate == null || !bodyTemplate.hasTopic())) {
                    throw new IllegalArgumentException("publish template has no {topic} placeholder in the URL '" + url
                            + "'" + (body == null ? "" : " or the body '" + body + "'")
                            + ": every topic would be published to the same place");
                }
                if (bodyTemplate != null && !bodyTemplate.hasPayload() && !target.hasPayload()) {
                    throw new IllegalArgumentException("publish body template '" + body + "' has no {payload} placeholder: "
                            + "the clients could not recognise the messages");
                }
                String m = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
                if (!m.matches("[A-Z]+")) {
                    throw new IllegalArgumentException("--publish-method '" + method + "' is not an HTTP method");
                }
                List<Header> parsedHeaders = new ArrayList<>();
                for (String h : headers) {
                    int colon = h.indexOf(':');
                    if (colon <= 0 || !h.substring(0, colon).trim().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                        throw new IllegalArgumentException("--publish-header '" + h + "' is not 'Name: value'");
                    }
                    parsedHeaders.add(new Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
                }
                return new PublishTarget(kind, url, host, port, m, target, bodyTemplate, parsedHeaders, token, null, null);
            }
            case REDIS: {
                String path = rest.startsWith("/") ? rest.substring(1) : rest;
                PublishTemplate channel = PublishTemplate.parse(path.isEmpty() ? "{topic}" : path);
                requireTopicInChannel(url, channel);
                return new PublishTarget(kind, url, host, port, null, channel, null, List.of(), null, userInfo, null);
            }
            default: {
                int q = rest.indexOf('?');
                String database = (q < 0 ? rest : rest.substring(0, q)).replaceFirst("^/", "");
                if (database.isEmpty()) {
                    throw new IllegalArgumentException("publish URL '" + url + "' names no database; expected postgresql://host:port/database?user=...");
                }
                String channelText = "{topic}";
                List<String> params = new ArrayList<>();
                if (userInfo != null) {
                    int colon = userInfo.indexOf(':');
                    params.add("user=" + (colon < 0 ? userInfo : userInfo.substring(0, colon)));
                    if (colon >= 0) {
                        params.add("password=" + userInfo.substring(colon + 1));
                    }
                }
                if (q >= 0) {
                    for (String p : rest.substring(q + 1).split("&")) {
                        if (p.startsWith("channel=")) {
                            channelText = p.substring("channel=".length());
                        } else if (!p.isEmpty()) {
                            params.add(p);
                        }
                    }
                }
                PublishTemplate channel = PublishTemplate.parse(channelText);
                requireTopicInChannel(url, channel);
                String authorityOut = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
                String jdbc = "jdbc:postgresql://" + authorityOut + "/" + database
                        + (params.isEmpty() ? "" : "?" + String.join("&", params));
                return new PublishTarget(kind, url, host, port, null, channel, null, List.of(), null, null, jdbc);
            }
        }
    }

    private static void requireTopicInChannel(String url, PublishTemplate channel) {
        if (!channel.hasTopic()) {
            throw new IllegalArgumentException("publish channel template '" + channel + "' of '" + url
                    + "' has no {topic} placeholder: every topic would be published to the same channel");
        }
        if (channel.hasPayload()) {
            throw new IllegalArgumentException("publish channel template '" + channel + "' must not contain {payload}");
        }
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public Kind kind() {
        return kind;
    }

    /** The URL as given. */
    public String urlTemplate() {
        return url;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The value of the {@code Host} header: host, plus the port when it is not 80. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == 80 ? h : h + ":" + port;
    }

    /** HTTP: the request method. */
    public String method() {
        return method;
    }

    /** HTTP: the path-and-query template; Redis and PostgreSQL: the channel template. */
    public PublishTemplate target() {
        return target;
    }

    /** HTTP: the body template, or null when the body is the raw payload. */
    public PublishTemplate body() {
        return body;
    }

    /** HTTP: extra request headers. */
    public List<Header> headers() {
        return headers;
    }

    /** HTTP: sent as {@code Authorization: Bearer ...}, or null. */
    public String bearerToken() {
        return bearerToken;
    }

    /** Redis: {@code user:password} or {@code :password} from the URL, or null. */
    public String userInfo() {
        return userInfo;
    }

    /** PostgreSQL: the JDBC URL (without the channel parameter). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String toString() {
        return url;
    }
}
