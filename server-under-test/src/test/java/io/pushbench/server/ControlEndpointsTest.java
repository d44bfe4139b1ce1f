package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.model.Strategy;
import io.pushbench.model.WallClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Publish (with and without a token), health, metrics; and the safe-defaults rules of the config. */
@ExtendWith(NoBufferLeaks.class)
class ControlEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void publishAnswersTheSeqAndMetricsCountsPerStrategyWithServerCpu() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
            server.start();
            HttpResponse<String> published = send(server, HttpRequest.newBuilder(uri(server, "/publish/c"))
                    .POST(HttpRequest.BodyPublishers.ofString("payload")));
            assertThat(published.statusCode()).isEqualTo(200);
            assertThat(published.headers().firstValue("X-Pushbench-Seq")).hasValue("1");
            assertThat(published.body()).isEqualTo("1\n");
            assertThat(send(server, HttpRequest.newBuilder(uri(server, "/poll/c?after=0"))).body()).isEqualTo("1 7\npayload\n");
            assertThat(send(server, HttpRequest.newBuilder(uri(server, "/health"))).body()).isEqualTo("ok\n");

            HttpResponse<String> metrics = send(server, HttpRequest.newBuilder(uri(server, "/metrics")));
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode json = new ObjectMapper().readTree(metrics.body());
            assertThat(json.get("transport").asText()).isEqualTo(server.transport()).isIn("io_uring", "epoll", "nio");
            assertThat(json.get("serverCpuNanos").asLong()).isPositive();
            JsonNode poll = json.get("strategies").get("poll");
            assertThat(poll.get("requests").asLong()).isEqualTo(1);
            assertThat(poll.get("messagesDelivered").asLong()).isEqualTo(1);
            assertThat(poll.get("bytesRead").asLong()).isPositive();
            assertThat(json.get("strategies").fieldNames()).toIterable().containsExactly("poll", "long-poll", "sse", "ws");
            assertThat(json.get("control").get("requests").asLong()).as("publish, health, metrics").isEqualTo(3);
            assertThat(server.metrics().of(Strategy.SSE).requests()).isZero();
        }
    }

    @Test
    void clockAnswersTheServersWallClockInEpochMicrosBracketedByTheRequest() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
            server.start();
            long beforeMicros = WallClock.nowEpochMicros();
            HttpResponse<String> clock = send(server, HttpRequest.newBuilder(uri(server, "/clock")));
            long afterMicros = WallClock.nowEpochMicros();

            assertThat(clock.statusCode()).isEqualTo(200);
            assertThat(clock.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(clock.body()).matches("[0-9]+\n");
            assertThat(Long.parseLong(clock.body().trim())).as("one JVM, one clock").isBetween(beforeMicros, afterMicros);
            assertThat(server.metrics().control().requests()).isEqualTo(1);
            HttpResponse<String> post = send(server, HttpRequest.newBuilder(uri(server, "/clock"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void publishTokenIsRequiredWhenConfigured() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().publishToken("s3cret").build())) {
            server.start();
            HttpResponse<String> anonymous = send(server, HttpRequest.newBuilder(uri(server, "/publish/t"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            HttpResponse<String> wrong = send(server, HttpRequest.newBuilder(uri(server, "/publish/t"))
                    .header("Authorization", "Bearer guess").POST(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> right = send(server, HttpRequest.newBuilder(uri(server, "/publish/t"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(server.log().topic("t").headSeq()).isEqualTo(1);
        }
    }

    @Test
    void defaultsBindLoopbackAndANonLoopbackBindWithoutTokenIsRefused() {
        PushServerConfig defaults = PushServerConfig.builder().build();
        assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(defaults.wsDeflate()).isFalse();
        assertThatThrownBy(() -> PushServerConfig.builder().bindAddress("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to bind non-loopback address 0.0.0.0 without a publish token");
        assertThat(PushServerConfig.builder().bindAddress("0.0.0.0").publishToken("t").build().publishNeedsToken()).isTrue();
    }

    @Test
    void serverThreadsAreNamedForCpuAccounting() {
        try (PushServer server = new PushServer(PushServerConfig.builder().workerThreads(2).build())) {
            server.start();
            assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                    .filteredOn(n -> n.startsWith("pushbench-server-")).isNotEmpty()
                    .anySatisfy(n -> assertThat(n).startsWith("pushbench-server-boss-"));
            assertThat(server.serverCpuNanos()).isPositive();
        }
    }

    private HttpResponse<String> send(PushServer server, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static URI uri(PushServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }
}
