package io.pushbench.bench.client;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL with {@code {topic}} and {@code {seq}} placeholders, e.g. {@code http://127.0.0.1:8080/poll/{topic}?after={seq}}
 * or {@code ws://host/ws/{topic}}. Parsed once; {@link #requestTarget} expands the path and query cheaply per request.
 *
 * <p>Schemes: {@code http} and {@code ws} (TLS is not supported). {@code {seq}} is replaced by the client's cursor
 * (the highest seq it has, 0 at start); a template without {@code {seq}} resumes with HTTP conditional requests
 * (polling) or {@code Last-Event-ID} (SSE) instead.
 */
public final class UrlTemplate {
    public static final String TOPIC = "{topic}";
    public static final String SEQ = "{seq}";

    private final String text;
    private final String scheme;
    private final String host;
    private final int port;
    private final String pathAndQuery;

    private UrlTemplate(String text, String scheme, String host, int port, String pathAndQuery) {
        this.text = text;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.pathAndQuery = pathAndQuery;
    }

    /**
     * The host and port of a URL's authority ({@code host}, {@code host:port}, {@code [v6]:port}); the one parser of
     * them for client and publish URLs.
     *
     * @param host the host, without IPv6 brackets
     * @param port 1..65535
     */
    public record Authority(String host, int port) {

        /**
         * @param what        how the URL is named in a message, e.g. {@code "publish URL 'redis://...'"}
         * @param defaultPort the scheme's port when the authority names none
         * @throws IllegalArgumentException naming {@code what} when the port or host is bad
         */
        public static Authority parse(String what, String authority, int defaultPort) {
            String host = authority;
            int port = defaultPort;
            int colon = authority.lastIndexOf(':');
            if (colon > 0 && authority.indexOf(']') < colon) {
                host = authority.substring(0, colon);
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(what + ": bad port '" + authority.substring(colon + 1) + "'");
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new IllegalArgumentException(what + ": bad host or port");
            }
            return new Authority(host, port);
        }
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException with the reason when the template is not {@code scheme://host[:port]/path}
     *                                  with scheme http or ws, or lacks {@code {topic}}
     */
    public static UrlTemplate parse(String text) {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("URL template '" + text + "' has no scheme; expected http://host:port/path or ws://...");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("ws")) {
            throw new IllegalArgumentException("URL template '" + text + "': scheme '" + scheme + "' is not supported; use http or ws");
        }
        int authorityStart = schemeEnd + 3;
        int pathStart = text.indexOf('/', authorityStart);
        String authority = pathStart < 0 ? text.substring(authorityStart) : text.substring(authorityStart, pathStart);
        String pathAndQuery = pathStart < 0 ? "/" : text.substring(pathStart);
        if (!text.contains(TOPIC)) {
            throw new IllegalArgumentException("URL template '" + text + "' lacks the " + TOPIC + " placeholder");
        }
        Authority a = Authority.parse("URL template '" + text + "'", authority, 80);
        return new UrlTemplate(text, scheme, a.host(), a.port(), pathAndQuery);
    }

    /** The request target (path and query) for this topic and cursor. */
    public String requestTarget(String topic, long seq) {
        String s = pathAndQuery.replace(TOPIC, topic);
        return hasSeq() ? s.replace(SEQ, Long.toString(seq)) : s;
    }

    /**
     * The request target for this topic cut at every {@code {seq}}: the cursor goes between consecutive pieces
     * (one piece when the template has no {@code {seq}}). Lets a client encode the constant parts once.
     */
    public String[] requestTargetAroundSeq(String topic) {
        return pathAndQuery.replace(TOPIC, topic).split(Pattern.quote(SEQ), -1);
    }

    /** Whether the cursor goes into the URL ({@code {seq}} present). */
    public boolean hasSeq() {
        return pathAndQuery.contains(SEQ);
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The value for the {@code Host} request header: host, plus the port when it is not the default 80. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == 80 ? h : h + ":" + port;
    }

    /** The absolute URL for this topic and cursor (the WebSocket handshaker wants one). */
    public String absolute(String topic, long seq) {
        return scheme + "://" + hostHeader() + requestTarget(topic, seq);
    }

    @Override
    public String toString() {
        return text;
    }
}
