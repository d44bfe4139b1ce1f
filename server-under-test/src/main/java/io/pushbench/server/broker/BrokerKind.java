package io.pushbench.server.broker;

/**
 * What carries a publish to the server instances that fan it out, named as in {@code --broker}.
 */
public enum BrokerKind {
    /** This process only: a publish is appended to the local log at once (one instance, no broker). */
    MEMORY("memory", "in-process log"),
    /** Redis {@code PUBLISH}/{@code PSUBSCRIBE}: at most once, nothing kept for an instance that was away. */
    REDIS_PUBSUB("redis", "Redis pub/sub"),
    /** One Redis stream ({@code XADD}/{@code XREAD}): an instance that was away reads what it missed. */
    REDIS_STREAMS("redis-streams", "Redis Streams"),
    /** PostgreSQL {@code pg_notify}/{@code LISTEN}: delivered at commit, at most 8,000 bytes, nothing replayed. */
    POSTGRES_NOTIFY("postgresql", "PostgreSQL LISTEN/NOTIFY");

    private final String scheme;
    private final String title;

    BrokerKind(String scheme, String title) {
        this.scheme = scheme;
        this.title = title;
    }

    /** The URL scheme ({@code memory} is the whole value), also the label in reports. */
    public String scheme() {
        return scheme;
    }

    /** A readable name. */
    public String title() {
        return title;
    }
}
