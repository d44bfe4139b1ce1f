package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With a write delay, the messages published within the delay after a first one reach a waiting client
 * together: a held long poll is answered once, with all of them.
 */
class WriteDelayTest {

    @Test
    void aHeldLongPollIsAnsweredOnceWithEveryMessageOfTheDelayWindow() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().writeDelay(Duration.ofMillis(500)).build())) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                            + "/long-poll/w?after=0")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
            awaitHeld(server, "w");

            for (int i = 1; i <= 3; i++) {
                server.publish("w", ("m" + i).getBytes(UTF_8));   // microseconds apart, well within 500 ms
            }

            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Pushbench-Next-After")).hasValue("3");
            assertThat(response.body()).isEqualTo("1 2\nm1\n2 2\nm2\n3 2\nm3\n");
        }
    }

    private static void awaitHeld(PushServer server, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.log().topic(topic).subscriberCount() == 0) {
            assertThat(System.nanoTime()).as("the long poll is held within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
