package io.pushbench.bench.run.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.model.Strategy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a pushbench server's {@code GET /metrics} document (docs/server.md) over HTTP. */
public final class MetricsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;

    public MetricsEndpoint(String host, int port) {
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        this.uri = URI.create("http://" + authority + ":" + port + "/metrics");
    }

    /** The strategy's counters and the server's CPU, or an exception naming the endpoint. */
    ServerCounts read(Strategy strategy) throws IOException {
        return countsOf(document(), strategy);
    }

    /** The strategy's counters and the server's CPU in a {@code /metrics} document. */
    public ServerCounts countsOf(JsonNode root, Strategy strategy) throws IOException {
        JsonNode s = root.path("strategies").path(strategy.label());
        if (s.isMissingNode()) {
            throw new IOException(uri + " has no counters for " + strategy.label());
        }
        return new ServerCounts(s.path("requests").asLong(), s.path("emptyResponses").asLong(),
                s.path("bytesRead").asLong(), s.path("bytesWritten").asLong(), s.path("openConnections").asLong(),
                root.path("serverCpuNanos").asLong(-1), s.path("messagesDelivered").asLong(-1),
                s.path("deliveryWrites").asLong(-1));
    }

    /** The whole {@code /metrics} document, or an exception naming the endpoint. */
    public JsonNode document() throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
