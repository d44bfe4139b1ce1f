package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawConnection.RawResponse;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each kind of bad input gets its exact status or close code; afterwards the server still serves a normal
 * client and holds no connection.
 */
@ExtendWith(NoBufferLeaks.class)
class BadInputTest {

    private static final int MAX_HEADER_BYTES = 1024;
    private static final int MAX_BODY_BYTES = 100;
    private static final int MAX_WS_FRAME_BYTES = 1000;
    private static final int MAX_CONNECTIONS = 3;

    private PushServer server;

    @BeforeEach
    void start() {
        server = new PushServer(PushServerConfig.builder()
                .maxHeaderBytes(MAX_HEADER_BYTES)
                .maxBodyBytes(MAX_BODY_BYTES)
                .maxWsFrameBytes(MAX_WS_FRAME_BYTES)
                .maxConnections(MAX_CONNECTIONS)
                .build());
        server.start();
    }

    @AfterEach
    void serverStillServesAndHoldsNoConnection() throws Exception {
        try {
            ServerChecks.servesNormalClient(server);
            ServerChecks.noOpenConnections(server);
        } finally {
            server.close();
        }
    }

    @Test
    void unknownPathAnswers404() throws IOException {
        RawResponse r = exchange("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.bodyText()).contains("/nowhere");
    }

    @Test
    void wrongMethodAnswers405WithAllow() throws IOException {
        RawResponse r = exchange("POST /poll/t HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET");
        RawResponse publishByGet = exchange("GET /publish/t HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(publishByGet.status()).isEqualTo(405);
        assertThat(publishByGet.header("Allow")).isEqualTo("POST");
    }

    @Test
    void malformedRequestAnswers400AndCloses() throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("GET /health HTTP/x.y\r\nHost: x\r\n\r\n");
            RawResponse r = c.readResponse();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void headerTooLargeAnswers431AndCloses() throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2 * MAX_HEADER_BYTES) + "\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(431);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void requestLineTooLongAnswers414() throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("GET /poll/t?after=" + "1".repeat(8000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(414);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void bodyTooLargeAnswers413() throws IOException {
        String body = "b".repeat(MAX_BODY_BYTES + 1);
        RawResponse r = exchange("POST /publish/t HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(r.status()).isEqualTo(413);
        assertThat(server.log().topic("t").headSeq()).as("nothing published").isZero();
    }

    @Test
    void afterThatIsNotANumberAnswers400WithAMessage() throws IOException {
        RawResponse r = exchange("GET /poll/t?after=abc HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("after must be a non-negative integer").contains("'abc'");
        RawResponse negative = exchange("GET /long-poll/t?after=-1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(negative.status()).isEqualTo(400);
        RawResponse badLastEventId = exchange("GET /sse/t HTTP/1.1\r\nHost: x\r\nLast-Event-ID: x7\r\n\r\n");
        assertThat(badLastEventId.status()).isEqualTo(400);
        assertThat(badLastEventId.bodyText()).contains("Last-Event-ID");
    }

    @Test
    void invalidTopicAnswers400() throws IOException {
        assertThat(exchange("GET /poll/a%20b HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(400);
        assertThat(exchange("GET /sse/a/b HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(400);
    }

    @Test
    void webSocketHandshakeWithWrongVersionAnswers426WithVersion13() throws IOException {
        RawResponse r = exchange(RawWebSocket.upgradeRequest("/ws/t", "8"));
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.header("Sec-WebSocket-Version")).isEqualTo("13");
    }

    @Test
    void webSocketHandshakeWithMissingVersionAnswers426() throws IOException {
        RawResponse r = exchange(RawWebSocket.upgradeRequest("/ws/t", null));
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.header("Sec-WebSocket-Version")).isEqualTo("13");
    }

    @Test
    void webSocketRequestWithoutUpgradeOrKeyAnswers400() throws IOException {
        assertThat(exchange("GET /ws/t HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(400);
        String noKey = RawWebSocket.upgradeRequest("/ws/t", "13").replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "");
        assertThat(exchange(noKey).status()).isEqualTo(400);
    }

    @Test
    void oversizedWebSocketFrameClosesWith1009() throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send(RawWebSocket.upgradeRequest("/ws/t", "13"));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101");
            c.send(RawWebSocket.clientFrame(0x2, new byte[MAX_WS_FRAME_BYTES + 1]));
            Frame close = RawWebSocket.readFrame(c);
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionOverTheCapAnswers503() throws Exception {
        RawConnection[] held = new RawConnection[MAX_CONNECTIONS];
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held[i] = RawConnection.open(server.address());
            }
            ServerChecks.awaitMetrics(server, m -> m.openConnections() == MAX_CONNECTIONS, "the held connections");
            try (RawConnection over = RawConnection.open(server.address())) {
                over.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                RawResponse r = over.readResponse();
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.bodyText()).contains("connection cap");
                assertThat(over.closedByServer()).isTrue();
            }
        } finally {
            for (RawConnection c : held) {
                if (c != null) {
                    c.close();
                }
            }
        }
        ServerChecks.noOpenConnections(server);
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(200);
            assertThat(c.readResponse().status()).isEqualTo(404);
        }
    }

    /** Sends one request on a fresh connection, reads one response, closes. */
    private RawResponse exchange(String request) throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return c.readResponse();
        }
    }
}
