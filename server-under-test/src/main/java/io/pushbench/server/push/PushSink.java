package io.pushbench.server.push;

import io.netty.channel.ChannelFuture;
import io.pushbench.server.log.Message;
import java.util.List;

/** How one pushing strategy (SSE, WebSocket) frames what a {@link PushCursor} hands it. Event-loop confined. */
public interface PushSink {

    /**
     * An upper bound of the outbound-buffer bytes one message adds when written, including the framing
     * and Netty's per-entry overhead (see {@link PushCursor} on the budget).
     */
    int outboundBytes(Message message);

    /** Outbound-buffer bytes one write adds besides its messages (e.g. an HTTP chunk's framing). */
    int outboundBytesPerWrite();

    /** Writes (does not flush) a loss notice: {@code lostCount} messages up to seq {@code lastLostSeq} are gone. */
    void writeLost(long lostCount, long lastLostSeq);

    /** Writes (does not flush) these messages and counts each as delivered when its write completes. */
    ChannelFuture writeMessages(List<Message> messages);

    /** Closes the connection because its reader stayed too slow; {@code reason} says how to resume. */
    void closeSlow(String reason);
}
