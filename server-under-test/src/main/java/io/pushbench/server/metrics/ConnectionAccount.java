package io.pushbench.server.metrics;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The byte account of one connection, confined to its event loop: which bucket the connection's bytes go
 * to now, and the bytes read but not yet attributed.
 *
 * <p>A connection starts in the control bucket. Bytes read are attributed after the pipeline has processed
 * them, to the bucket the connection is in then, so a request's own bytes go to the strategy it was routed
 * to. Bytes written go to the bucket the connection is in when they are written completely.
 */
public final class ConnectionAccount {

    static final AttributeKey<ConnectionAccount> KEY = AttributeKey.valueOf("pushbench.account");

    private final ServerCounters counters;
    private TrafficCounters bucket;
    private long unattributedReadBytes;

    ConnectionAccount(ServerCounters counters) {
        this.counters = counters;
        this.bucket = counters.control();
        bucket.connectionOpened();
    }

    /** The account of a channel set up by {@link ByteCountingHandler}. */
    public static ConnectionAccount of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /** Moves this connection (its open-connection count and its further bytes) to another bucket. */
    public void moveTo(TrafficCounters newBucket) {
        if (newBucket != bucket) {
            bucket.connectionClosed();
            newBucket.connectionOpened();
            bucket = newBucket;
        }
    }

    /** The bucket this connection is in now. */
    public TrafficCounters bucket() {
        return bucket;
    }

    /** The server's counters. */
    public ServerCounters counters() {
        return counters;
    }

    void bytesRead(long bytes) {
        unattributedReadBytes += bytes;
    }

    void attributeReadBytes() {
        if (unattributedReadBytes > 0) {
            bucket.addBytesRead(unattributedReadBytes);
            unattributedReadBytes = 0;
        }
    }

    void bytesWritten(TrafficCounters target, long bytes) {
        target.addBytesWritten(bytes);
    }

    void closed() {
        attributeReadBytes();
        bucket.connectionClosed();
    }
}
