package io.pushbench.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushbench.model.Strategy;
import io.pushbench.server.ServerMetrics;
import io.pushbench.server.TrafficCounts;
import io.pushbench.server.broker.BrokerMetrics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/** Renders a {@link ServerMetrics} snapshot as the {@code /metrics} JSON document (docs/server.md). */
public final class MetricsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    /** The JSON text of a snapshot; buckets keyed by strategy label, then {@code control}. */
    public static String render(ServerMetrics metrics) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("transport", metrics.transport());
        root.put("serverCpuNanos", metrics.serverCpuNanos());
        root.put("outboundBufferedBytes", metrics.outboundBufferedBytes());
        root.put("maxConnectionOutboundBufferedBytes", metrics.maxConnectionOutboundBufferedBytes());
        ObjectNode buckets = root.putObject("strategies");
        for (Strategy s : Strategy.values()) {
            put(buckets.putObject(s.label()), metrics.of(s));
        }
        put(root.putObject("control"), metrics.control());
        putBroker(root.putObject("broker"), metrics.broker());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render metrics", e);   // a tree of numbers always renders
        }
    }

    private static void putBroker(ObjectNode node, BrokerMetrics b) {
        node.put("kind", b.kind());
        node.put("published", b.published());
        node.put("publishFailed", b.publishFailed());
        node.put("received", b.received());
        node.put("duplicates", b.duplicates());
        node.put("skippedSeqs", b.skippedSeqs());
        node.put("dropped", b.dropped());
        node.put("disconnects", b.disconnects());
        node.put("disconnectedNow", b.disconnectedNow());
        node.put("disconnectedMicros", b.disconnectedMicros());
        node.put("lastGapStartEpochMicros", b.lastGapStartEpochMicros());
        node.put("lastGapEndEpochMicros", b.lastGapEndEpochMicros());
        Histogram hop = b.hopMicros();
        node.put("hopCount", hop.getTotalCount());
        node.put("hopP50Micros", hop.getValueAtPercentile(50));
        node.put("hopP99Micros", hop.getValueAtPercentile(99));
        node.put("hopMaxMicros", hop.getMaxValue());
        // the whole histogram (HdrHistogram's compressed encoding, base64): a reader merges instances and windows
        ByteBuffer buffer = ByteBuffer.allocate(hop.getNeededByteBufferCapacity());
        int length = hop.encodeIntoCompressedByteBuffer(buffer);
        node.put("hopHistogram", Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
    }

    private static void put(ObjectNode node, TrafficCounts c) {
        node.put("requests", c.requests());
        node.put("emptyResponses", c.emptyResponses());
        node.put("messagesDelivered", c.messagesDelivered());
        node.put("deliveryWrites", c.deliveryWrites());
        node.put("bytesRead", c.bytesRead());
        node.put("bytesWritten", c.bytesWritten());
        node.put("openConnections", c.openConnections());
    }
}
