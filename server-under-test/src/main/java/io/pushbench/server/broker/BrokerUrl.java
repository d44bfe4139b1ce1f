package io.pushbench.server.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A parsed {@code --broker} value: {@code memory}, {@code redis://HOST:PORT}, {@code redis-streams://HOST:PORT} or
 * {@code postgresql://HOST:PORT/DATABASE[?user=NAME&password=SECRET]}. Any of them may add {@code namespace=NAME}
 * to the query (default {@value #DEFAULT_NAMESPACE}): every key, stream, table and channel the broker uses starts
 * with it, so runs that share a Redis or a database do not meet each other's messages.
 *
 * @param kind       the broker kind (from the scheme)
 * @param host       broker host; empty for memory
 * @param port       broker port; 0 for memory
 * @param database   PostgreSQL database; empty for the others
 * @param query      the URL's query as given (PostgreSQL connection parameters), empty if none
 * @param namespace  prefix of every name the broker uses, {@code [a-z0-9_]{1,40}}
 * @param text       the value as given (for messages)
 */
public record BrokerUrl(BrokerKind kind, String host, int port, String database, String query, String namespace,
                        String text) {

    /** The namespace when the URL names none. */
    public static final String DEFAULT_NAMESPACE = "pushbench";
    /** The in-process broker (the default). */
    public static final BrokerUrl MEMORY = new BrokerUrl(BrokerKind.MEMORY, "", 0, "", "", DEFAULT_NAMESPACE, "memory");

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_]{1,40}");

    /**
     * Parses a {@code --broker} value.
     *
     * @throws IllegalArgumentException naming what is wrong and the accepted forms
     */
    public static BrokerUrl parse(String text) {
        if (text == null || text.isBlank() || text.equals("memory")) {
            return MEMORY;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(text, "not a URL (" + e.getReason() + ")");
        }
        BrokerKind kind = kindOf(uri.getScheme(), text);
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw bad(text, "a broker URL needs a host and a port, e.g. " + kind.scheme() + "://127.0.0.1:"
                    + (kind == BrokerKind.POSTGRES_NOTIFY ? "5432/test" : "6379"));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = "";
        if (kind == BrokerKind.POSTGRES_NOTIFY) {
            if (path.isEmpty()) {
                throw bad(text, "a PostgreSQL broker URL names its database: postgresql://HOST:PORT/DATABASE");
            }
            database = path;
        } else if (!path.isEmpty()) {
            throw bad(text, "a Redis broker URL has no path (choose the namespace with ?namespace=NAME)");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String namespace = DEFAULT_NAMESPACE;
        StringBuilder rest = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            if (pair.startsWith("namespace=")) {
                namespace = pair.substring("namespace=".length());
                if (!NAMESPACE.matcher(namespace).matches()) {
                    throw bad(text, "namespace must be 1 to 40 characters of a-z 0-9 _, got '" + namespace + "'");
                }
            } else if (kind == BrokerKind.POSTGRES_NOTIFY) {
                rest.append(rest.length() == 0 ? "" : "&").append(pair);
            } else {
                throw bad(text, "unknown parameter '" + pair + "' (a Redis broker URL takes only namespace=NAME)");
            }
        }
        return new BrokerUrl(kind, uri.getHost(), uri.getPort(), database, rest.toString(), namespace, text);
    }

    private static BrokerKind kindOf(String scheme, String text) {
        for (BrokerKind k : BrokerKind.values()) {
            if (k != BrokerKind.MEMORY && k.scheme().equalsIgnoreCase(scheme)) {
                return k;
            }
        }
        throw bad(text, "unknown broker scheme '" + scheme + "'");
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("--broker " + text + ": " + why + "; expected memory, redis://HOST:PORT, "
                + "redis-streams://HOST:PORT or postgresql://HOST:PORT/DATABASE");
    }

    /** The JDBC URL of a PostgreSQL broker. */
    public String jdbcUrl() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** {@code host:port}, or {@code memory}: how messages name the broker. */
    public String endpoint() {
        return kind == BrokerKind.MEMORY ? "memory" : kind.scheme() + "://" + host + ":" + port
                + (database.isEmpty() ? "" : "/" + database);
    }
}
