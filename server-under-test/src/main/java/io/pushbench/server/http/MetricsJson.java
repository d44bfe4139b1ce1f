package io.pushbench.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushbench.model.Strategy;
import io.pushbench.server.ServerMetrics;
import io.pushbench.server.TrafficCounts;

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
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render metrics", e);   // a tree of numbers always renders
        }
    }

    private static void put(ObjectNode node, TrafficCounts c) {
        node.put("requests", c.requests());
        node.put("emptyResponses", c.emptyResponses());
        node.put("messagesDelivered", c.messagesDelivered());
        node.put("bytesRead", c.bytesRead());
        node.put("bytesWritten", c.bytesWritten());
        node.put("openConnections", c.openConnections());
    }
}
