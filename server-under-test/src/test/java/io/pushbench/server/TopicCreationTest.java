package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawConnection.RawResponse;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only an authorised publish creates a topic: subscribers' requests never do (nor count against
 * --max-topics), and a subscriber waiting on a topic nobody published to yet still gets its first
 * messages exactly once, in order.
 */
@ExtendWith(NoBufferLeaks.class)
class TopicCreationTest {

    @Test
    void subscribersWithoutATokenCreateNoTopicAndCannotExhaustTheTopicCap() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().publishToken("t0k").maxTopics(10)
                .longPollHold(java.time.Duration.ofMillis(20)).build())) {
            server.start();
            try (RawConnection c = RawConnection.open(server.address())) {
                for (int i = 0; i < 200; i++) {
                    String route = i % 2 == 0 ? "/poll/anon" : "/long-poll/anon";
                    c.send("GET " + route + i + "?after=" + (i % 2 == 0 ? 0 : 5) + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    RawResponse r = c.readResponse();
                    assertThat(r.status()).as("GET %s%d", route, i).isIn(200, 204);
                }
                c.send("POST /publish/unauth HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx");
                assertThat(c.readResponse().status()).isEqualTo(401);
                assertThat(server.log().topicCount()).as("topics created by 200 subscribers and a refused publish")
                        .isZero();
                c.send("POST /publish/real HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t0k\r\nContent-Length: 1\r\n\r\nx");
                assertThat(c.readResponse().status()).as("a publisher can still create a topic").isEqualTo(200);
                assertThat(server.log().topicCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void subscribersWaitingOnATopicNobodyPublishedToGetItsFirstMessagesExactlyOnceInOrder() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
            server.start();
            try (RawConnection longPoll = RawConnection.open(server.address());
                    RawConnection sse = RawConnection.open(server.address());
                    RawConnection ws = RawConnection.open(server.address())) {
                longPoll.send("GET /long-poll/fresh?after=0 HTTP/1.1\r\nHost: x\r\n\r\n");
                sse.send("GET /sse/fresh HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(sse.readHead()).startsWith("HTTP/1.1 200");
                ws.send(RawWebSocket.upgradeRequest("/ws/fresh", "13"));
                assertThat(ws.readHead()).startsWith("HTTP/1.1 101");
                assertThat(server.log().existingTopic("fresh")).as("subscribing created no topic").isNull();
                assertThat(server.log().pendingTopicCount()).isEqualTo(1);
                while (server.log().topicToRead("fresh").subscriberCount() == 0) {
                    Thread.sleep(5);
                }
                Thread.sleep(200);     // the WebSocket's cursor starts once its 101 is written
                for (int i = 1; i <= 3; i++) {
                    server.publish("fresh", ("m" + i).getBytes(UTF_8));
                }
                RawResponse polled = longPoll.readResponse();
                assertThat(polled.bodyText()).startsWith("1 2\nm1\n");
                String events = new String(sse.readUntil("m3\n\n"), UTF_8);
                assertThat(events).containsSubsequence("id: 1", "m1", "id: 2", "m2", "id: 3", "m3");
                assertThat(events.split("data: ", -1)).hasSize(4);
                for (int i = 1; i <= 3; i++) {
                    Frame f = RawWebSocket.readFrame(ws);
                    assertThat(f.text()).isEqualTo(i + "\nm" + i);
                }
                assertThat(server.log().topicCount()).isEqualTo(1);
            }
        }
    }
}
