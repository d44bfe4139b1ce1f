package io.pushbench.bench.workload;

import java.net.URI;

/**
 * Where messages are published: an HTTP URL template with {@code {topic}}, e.g.
 * {@code http://127.0.0.1:8080/publish/{topic}}; the body is the payload.
 *
 * @param urlTemplate the template; scheme {@code http}, a host and a {@code {topic}} placeholder
 * @param bearerToken sent as {@code Authorization: Bearer ...}, or {@code null}
 */
public record PublishTarget(String urlTemplate, String bearerToken) {

    /** The topic placeholder. */
    public static final String TOPIC = "{topic}";

    public PublishTarget {
        if (!urlTemplate.contains(TOPIC)) {
            throw new IllegalArgumentException("publish URL '" + urlTemplate + "' has no {topic} placeholder");
        }
        URI uri = URI.create(urlTemplate.replace(TOPIC, "t"));
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("publish URL '" + urlTemplate + "' must be http://host[:port]/...{topic}...");
        }
    }

    /** The pushbench server's publish endpoint at host:port. */
    public static PublishTarget pushbench(String host, int port, String bearerToken) {
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return new PublishTarget("http://" + authority + ":" + port + "/publish/" + TOPIC, bearerToken);
    }

    public String host() {
        return uri("t").getHost().replace("[", "").replace("]", "");
    }

    public int port() {
        int p = uri("t").getPort();
        return p == -1 ? 80 : p;
    }

    /** The value of the {@code Host} header. */
    public String hostHeader() {
        URI u = uri("t");
        return u.getPort() == -1 ? u.getHost() : u.getHost() + ":" + u.getPort();
    }

    /** Path and query for one topic. */
    public String requestTarget(String topic) {
        URI u = uri(topic);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private URI uri(String topic) {
        return URI.create(urlTemplate.replace(TOPIC, topic));
    }
}
