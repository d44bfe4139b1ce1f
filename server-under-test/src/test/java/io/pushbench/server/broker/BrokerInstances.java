package io.pushbench.server.broker;

import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Several server instances in this JVM sharing one broker, and publishing to them over HTTP. */
final class BrokerInstances implements AutoCloseable {

    static final String REDIS = "redis://127.0.0.1:6379";
    static final String REDIS_STREAMS = "redis-streams://127.0.0.1:6379";
    static final String POSTGRES = "postgresql://127.0.0.1:5432/test?user=postgres";

    final List<PushServer> servers = new ArrayList<>();
    private final String namespace;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param url a broker URL without namespace: each call gets a namespace of its own */
    BrokerInstances(String url, int instances) {
        namespace = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        BrokerUrl broker = BrokerUrl.parse(url + (url.contains("?") ? "&" : "?") + "namespace=" + namespace);
        try {
            for (int i = 0; i < instances; i++) {
                PushServer server = new PushServer(PushServerConfig.builder().broker(broker).build());
                servers.add(server);
                server.start();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The namespace of this set's names in the broker. */
    String namespace() {
        return namespace;
    }

    PushServer get(int i) {
        return servers.get(i);
    }

    /** Publishes over HTTP to instance {@code i}; returns the status and body. */
    HttpResponse<String> publish(int i, String topic, String payload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + get(i).address().getPort()
                + "/publish/" + topic)).POST(HttpRequest.BodyPublishers.ofString(payload)).timeout(Duration.ofSeconds(20))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (up to 20 s) until every instance's broker counters satisfy {@code condition}. */
    void awaitEach(Predicate<BrokerMetrics> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            boolean all = servers.stream().allMatch(s -> condition.test(s.brokerMetrics()));
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": "
                        + servers.stream().map(PushServer::brokerMetrics).toList());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        servers.forEach(PushServer::close);
    }
}
