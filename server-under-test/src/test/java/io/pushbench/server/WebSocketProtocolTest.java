package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 6455 behaviour beyond delivery: ping/pong, the close handshake, permessage-deflate (RFC 7692). */
@ExtendWith(NoBufferLeaks.class)
class WebSocketProtocolTest {

    @Test
    void pingIsAnsweredWithPongAndCloseHandshakeIsHonoured() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
            server.start();
            CompletableFuture<ByteBuffer> pong = new CompletableFuture<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                    URI.create("ws://127.0.0.1:" + server.address().getPort() + "/ws/p"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onPong(WebSocket w, ByteBuffer message) {
                            pong.complete(message);
                            w.request(1);   // keep receiving: the server's close frame comes next
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(20, TimeUnit.SECONDS);
            ws.sendPing(ByteBuffer.wrap("are you there".getBytes(UTF_8)));
            assertThat(UTF_8.decode(pong.get(20, TimeUnit.SECONDS)).toString()).isEqualTo("are you there");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(20, TimeUnit.SECONDS);
            assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
            ServerChecks.noOpenConnections(server);
        }
    }

    @Test
    void permessageDeflateIsNegotiatedWhenEnabledAndCarriesThePayloadUnchanged() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().wsDeflate(true).build())) {
            server.start();
            String payload = "compressible ".repeat(50);
            server.publish("z", payload.getBytes(UTF_8));
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send(RawWebSocket.upgradeRequest("/ws/z", "13").replace("\r\n\r\n",
                        "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n"));
                String head = c.readHead();
                assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("sec-websocket-extensions: permessage-deflate");
                byte[] header = c.readExactly(2);
                assertThat(header[0] & 0x40).as("RSV1: compressed").isNotZero();
                byte[] compressed = c.readExactly(header[1] & 0x7f);
                assertThat(compressed.length).isLessThan(payload.length());
                assertThat(inflate(compressed)).isEqualTo("1\n" + payload);
            }
        }
    }

    @Test
    void permessageDeflateIsNotNegotiatedByDefault() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
            server.start();
            server.publish("z", "plain".getBytes(UTF_8));
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send(RawWebSocket.upgradeRequest("/ws/z", "13").replace("\r\n\r\n",
                        "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n"));
                assertThat(c.readHead()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("permessage-deflate");
                Frame frame = RawWebSocket.readFrame(c);
                assertThat(frame.text()).isEqualTo("1\nplain");
            }
        }
    }

    /** RFC 7692 section 7.2.2: append 00 00 ff ff and inflate raw. */
    private static String inflate(byte[] compressed) throws Exception {
        Inflater inflater = new Inflater(true);
        byte[] input = new byte[compressed.length + 4];
        System.arraycopy(compressed, 0, input, 0, compressed.length);
        input[compressed.length + 2] = (byte) 0xff;
        input[compressed.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = inflater.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        inflater.end();
        return out.toString(UTF_8);
    }
}
