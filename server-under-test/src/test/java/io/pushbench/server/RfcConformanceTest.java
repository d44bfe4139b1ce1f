package io.pushbench.server;

import static io.pushbench.server.client.RawWebSocket.clientFrame;
import static io.pushbench.server.client.RawWebSocket.closePayload;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the cases of the Autobahn TestSuite's sections 1-7 (framing, pings/pongs, reserved bits, opcodes,
 * fragmentation, UTF-8, close handling) as this server must answer them (it ignores client data, so a
 * valid message is proven by the server still answering a ping after it), and the HTTP/1.1 request-parsing
 * cases: each asserts the exact close code or status, then that the server serves a normal client.
 */
@ExtendWith(NoBufferLeaks.class)
class RfcConformanceTest {

    private static final int MAX_WS_BYTES = 65_536;
    private static PushServer server;

    @BeforeAll
    static void start() {
        server = new PushServer(PushServerConfig.builder().maxWsFrameBytes(MAX_WS_BYTES).maxHeaderBytes(8192).build());
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ServerChecks.noOpenConnections(server);
        server.close();
    }

    /** What the server must do: answer these pongs and stay open (close = 0), or close with this code. */
    record Expect(List<String> pongs, int close) {
        static Expect open(String... pongs) {
            return new Expect(List.of(pongs), 0);
        }

        static Expect closes(int code) {
            return new Expect(List.of(), code);
        }
    }

    static Stream<Arguments> webSocketCases() {
        List<Arguments> cases = new ArrayList<>();
        // 1 framing: text and binary payloads of every length class
        for (int n : new int[] {0, 125, 126, 127, 128, 65_535, 65_536}) {
            cases.add(ws("1.1 text " + n + " bytes", Expect.open(), clientFrame(0x81, text(n), true)));
            cases.add(ws("1.2 binary " + n + " bytes", Expect.open(), clientFrame(0x82, new byte[n], true)));
        }
        cases.add(ws("1.x text over the message limit", Expect.closes(1009), clientFrame(0x81, text(MAX_WS_BYTES + 1), true)));
        cases.add(ws("1.x unmasked client frame", Expect.closes(1002), clientFrame(0x81, text(5), false)));
        // 2 pings and pongs
        cases.add(ws("2.1 ping without payload", Expect.open(""), clientFrame(0x89, new byte[0], true)));
        cases.add(ws("2.2 ping with text payload", Expect.open("hello"), clientFrame(0x89, bytes("hello"), true)));
        cases.add(ws("2.4 ping with 125 bytes", Expect.open("p".repeat(125)), clientFrame(0x89, bytes("p".repeat(125)), true)));
        cases.add(ws("2.5 ping with 126 bytes", Expect.closes(1002), clientFrame(0x89, new byte[126], true)));
        cases.add(ws("2.7 unsolicited pong", Expect.open(), clientFrame(0x8A, new byte[0], true)));
        cases.add(ws("2.8 unsolicited pong with payload", Expect.open(), clientFrame(0x8A, bytes("unsolicited"), true)));
        cases.add(ws("2.10 ten pings", Expect.open("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), tenPings()));
        // 3 reserved bits (no extension negotiated)
        for (int rsv : new int[] {0x40, 0x20, 0x10, 0x70}) {
            cases.add(ws("3 RSV " + Integer.toHexString(rsv) + " on text", Expect.closes(1002),
                    clientFrame(0x81 | rsv, bytes("x"), true)));
        }
        cases.add(ws("3.6 RSV on ping", Expect.closes(1002), clientFrame(0x89 | 0x40, new byte[0], true)));
        cases.add(ws("3.7 RSV on close", Expect.closes(1002), clientFrame(0x88 | 0x40, new byte[0], true)));
        // 4 opcodes
        for (int op : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            cases.add(ws("4 reserved opcode " + op, Expect.closes(1002), clientFrame(0x80 | op, new byte[0], true)));
        }
        // 5 fragmentation
        cases.add(ws("5.1 fragmented ping", Expect.closes(1002), clientFrame(0x09, bytes("a"), true),
                clientFrame(0x80, bytes("b"), true)));
        cases.add(ws("5.2 fragmented pong", Expect.closes(1002), clientFrame(0x0A, bytes("a"), true),
                clientFrame(0x80, bytes("b"), true)));
        cases.add(ws("5.3 text in two fragments", Expect.open(), clientFrame(0x01, bytes("frag"), true),
                clientFrame(0x80, bytes("ment"), true)));
        cases.add(ws("5.6 ping between fragments", Expect.open("mid"), clientFrame(0x01, bytes("frag"), true),
                clientFrame(0x89, bytes("mid"), true), clientFrame(0x80, bytes("ment"), true)));
        cases.add(ws("5.9 continuation without a start", Expect.closes(1002), clientFrame(0x80, bytes("x"), true)));
        cases.add(ws("5.15 new message inside a fragmented one", Expect.closes(1002), clientFrame(0x01, bytes("a"), true),
                clientFrame(0x81, bytes("b"), true)));
        cases.add(ws("5.x fragments past the message limit", Expect.closes(1009),
                clientFrame(0x02, new byte[MAX_WS_BYTES / 2 + 1], true), clientFrame(0x80, new byte[MAX_WS_BYTES / 2 + 1], true)));
        // 6 UTF-8
        cases.add(ws("6.2 valid multi-byte text", Expect.open(), clientFrame(0x81, bytes("κόσμε 🙂"), true)));
        byte[] smile = bytes("🙂");
        cases.add(ws("6.x code point split across fragments", Expect.open(),
                clientFrame(0x01, Arrays.copyOfRange(smile, 0, 2), true), clientFrame(0x80, Arrays.copyOfRange(smile, 2, 4), true)));
        cases.add(ws("6.3 invalid sequence", Expect.closes(1007), clientFrame(0x81, new byte[] {(byte) 0xce, (byte) 0xba, (byte) 0xe1}, true)));
        cases.add(ws("6.x overlong encoding", Expect.closes(1007), clientFrame(0x81, new byte[] {(byte) 0xc0, (byte) 0xaf}, true)));
        cases.add(ws("6.x UTF-16 surrogate", Expect.closes(1007), clientFrame(0x81, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, true)));
        cases.add(ws("6.x beyond U+10FFFF", Expect.closes(1007), clientFrame(0x81, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, true)));
        cases.add(ws("6.4 invalid in a later fragment", Expect.closes(1007), clientFrame(0x01, bytes("ok"), true),
                clientFrame(0x80, new byte[] {(byte) 0xff}, true)));
        // 7 close handling
        cases.add(ws("7.3.1 close without payload is echoed without one", Expect.closes(1005), clientFrame(0x88, new byte[0], true)));
        cases.add(ws("7.3.2 close with a 1-byte payload", Expect.closes(1002), clientFrame(0x88, new byte[] {3}, true)));
        cases.add(ws("7.3.6 close reason too long", Expect.closes(1002), clientFrame(0x88, closePayload(1000, "r".repeat(124)), true)));
        cases.add(ws("7.5.1 close reason not UTF-8", Expect.closes(1007),
                clientFrame(0x88, new byte[] {0x03, (byte) 0xe8, (byte) 0xce, (byte) 0xba, (byte) 0xe1}, true)));
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999}) {
            cases.add(ws("7.7 close " + code + " is echoed", Expect.closes(code), clientFrame(0x88, closePayload(code, "bye"), true)));
        }
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999, 5000, 65_535}) {
            cases.add(ws("7.9 invalid close code " + code, Expect.closes(1002), clientFrame(0x88, closePayload(code, ""), true)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webSocketCases")
    void webSocketCaseIsAnsweredExactly(String name, Expect expect, List<byte[]> frames) throws Exception {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send(RawWebSocket.upgradeRequest("/ws/conformance", "13"));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101");
            for (byte[] f : frames) {
                c.send(f);
            }
            if (expect.close() != 0) {
                Frame close = RawWebSocket.readUntilClose(c);
                assertThat(close.closeCode()).as(name).isEqualTo(expect.close());
                assertThat(c.closedByServer()).as("TCP closed after the close frame").isTrue();
            } else {
                c.send(clientFrame(0x89, bytes("probe"), true));
                List<String> pongs = new ArrayList<>();
                for (Frame f = RawWebSocket.readFrame(c); ; f = RawWebSocket.readFrame(c)) {
                    assertThat(f.opcode()).as(name + ": only pongs").isEqualTo(0xA);
                    if (f.text().equals("probe")) {
                        break;
                    }
                    pongs.add(f.text());
                }
                assertThat(pongs).as(name).isEqualTo(expect.pongs());
            }
        }
        ServerChecks.servesNormalClient(server);
    }

    static Stream<Arguments> httpCases() {
        return Stream.of(
                http("plain GET", "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 200),
                http("HTTP/1.0", "GET /health HTTP/1.0\r\n\r\n", 200),
                http("HTTP/9.9", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n", 505),
                http("HTTP/2.0 in a 1.1 head", "GET /health HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                http("version garbage", "GET /health HTTP/x.y\r\nHost: x\r\n\r\n", 400),
                http("no version", "GET /health\r\nHost: x\r\n\r\n", 400),
                http("unknown path", "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n", 404),
                http("wrong method", "DELETE /health HTTP/1.1\r\nHost: x\r\n\r\n", 405),
                http("request line too long", "GET /poll/t?after=" + "1".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
                http("header block too large", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n", 431),
                http("header without a colon", "GET /health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", 400),
                http("Content-Length not a number", "POST /publish/t HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
                http("Content-Length and chunked (smuggling)", "POST /publish/t HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                http("chunk size not hex", "POST /publish/t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
                http("bad after", "GET /poll/t?after=-1 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                http("path trick in topic", "GET /poll/../health HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                http("WebSocket key not 16 bytes", RawWebSocket.upgradeRequest("/ws/t", "13")
                        .replace("dGhlIHNhbXBsZSBub25jZQ==", "c2hvcnQ="), 400),
                http("WebSocket version 8", RawWebSocket.upgradeRequest("/ws/t", "8"), 426));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpCases")
    void httpRequestIsAnsweredExactly(String name, String request, int status) throws Exception {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send(request);
            assertThat(c.readResponse().status()).as(name).isEqualTo(status);
        }
        ServerChecks.servesNormalClient(server);
    }

    private static Arguments ws(String name, Expect expect, byte[]... frames) {
        return Arguments.of(name, expect, List.of(frames));
    }

    private static Arguments http(String name, String request, int status) {
        return Arguments.of(name, request, status);
    }

    private static byte[] tenPings() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            all.writeBytes(clientFrame(0x89, bytes(Integer.toString(i)), true));
        }
        return all.toByteArray();
    }

    private static byte[] text(int n) {
        return bytes("*".repeat(n));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
