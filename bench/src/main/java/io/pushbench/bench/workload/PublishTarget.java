package io.pushbench.bench.workload;

import io.pushbench.bench.client.UrlTemplate;

/**
 * Where messages are published: an HTTP URL template with {@code {topic}}, e.g.
 * {@code http://127.0.0.1:8080/publish/{topic}}; the body is the payload. Parsed by the client engine's
 * {@link UrlTemplate}, the one URL-template parser of pushbench.
 *
 * @param url         the parsed template; scheme {@code http}
 * @param bearerToken sent as {@code Authorization: Bearer ...}, or {@code null}
 */
public record PublishTarget(UrlTemplate url, String bearerToken) {

    public PublishTarget {
        if (!"http".equals(url.scheme())) {
            throw new IllegalArgumentException("publish URL '" + url + "' must use http://");
        }
    }

    /**
     * A publish URL template as given on the command line.
     *
     * @throws IllegalArgumentException naming what is wrong with the template
     */
    public PublishTarget(String urlTemplate, String bearerToken) {
        this(UrlTemplate.parse(urlTemplate), bearerToken);
    }

    /** The pushbench server's publish endpoint at host:port. */
    public static PublishTarget pushbench(String host, int port, String bearerToken) {
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return new PublishTarget("http://" + authority + ":" + port + "/publish/" + UrlTemplate.TOPIC, bearerToken);
    }

    /** The template as given. */
    public String urlTemplate() {
        return url.toString();
    }

    public String host() {
        return url.host();
    }

    public int port() {
        return url.port();
    }

    /** The value of the {@code Host} header. */
    public String hostHeader() {
        return url.hostHeader();
    }

    /** Path and query for one topic. */
    public String requestTarget(String topic) {
        return url.requestTarget(topic, 0);
    }
}
