package io.pushbench.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded fuzzing run from a fixed seed: thousands of mutated request heads and random WebSocket frames,
 * one connection each. Every answer must be a well-formed response with a status this server gives, or a
 * close frame with a code it gives; the server stays up (a normal client is served every few hundred cases
 * and at the end), holds no connection afterwards, and leaks no buffer (NoBufferLeaks).
 */
@ExtendWith(NoBufferLeaks.class)
class FuzzedInputTest {

    private static final long SEED = 15;
    private static final int HTTP_CASES = 2000;
    private static final int WS_CASES = 1000;
    private static final Set<Integer> STATUSES = Set.of(200, 204, 400, 401, 404, 405, 408, 413, 414, 426, 431, 505);
    private static final Set<Integer> CLOSE_CODES = Set.of(1002, 1007, 1008, 1009);
    private static final String[] TEMPLATES = {
        "GET /poll/fz?after=0 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /long-poll/fz?after=0 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /publish/fz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
        "POST /publish/fz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n",
        "GET /sse/fz HTTP/1.0\r\nLast-Event-ID: 1\r\n\r\n",
    };
    private static final String NOISE = "\r\n\0 :/?%#\t\u00ff0123456789aZ-.~HTTP/1.9";

    @Test
    void randomisedRequestHeadsAndFramesGetPreciseAnswersAndTheServerStaysUp() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        try (PushServer server = new PushServer(PushServerConfig.builder().requestReadTimeout(Duration.ofMillis(200))
                .longPollHold(Duration.ofMillis(20)).maxHeaderBytes(1024).maxRequestLineBytes(256).maxBodyBytes(64)
                .maxWsFrameBytes(1000).wsAssemblyTimeout(Duration.ofMillis(200)).build())) {
            server.start();
            for (int i = 0; i < HTTP_CASES; i++) {
                outcomes.merge(httpCase(server, mutate(random, TEMPLATES[random.nextInt(TEMPLATES.length)])), 1, Integer::sum);
                if (i % 500 == 499) {
                    ServerChecks.servesNormalClient(server);
                }
            }
            for (int i = 0; i < WS_CASES; i++) {
                outcomes.merge(webSocketCase(server, random), 1, Integer::sum);
                if (i % 250 == 249) {
                    ServerChecks.servesNormalClient(server);
                }
            }
            ServerChecks.servesNormalClient(server);
            ServerChecks.noOpenConnections(server);
        }
        System.out.printf("fuzzing seed %d: %d HTTP and %d WebSocket cases in %d ms: %s%n", SEED, HTTP_CASES, WS_CASES,
                (System.nanoTime() - start) / 1_000_000, outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(HTTP_CASES + WS_CASES);
    }

    /** Mutates a request: byte flips, inserted noise, deletions, a long run, a duplicated header block. */
    private static byte[] mutate(Random random, String template) {
        StringBuilder s = new StringBuilder(template);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) random.nextInt(256));
                case 1 -> s.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 2 -> s.deleteCharAt(at);
                case 3 -> s.insert(at, String.valueOf((char) ('a' + random.nextInt(26))).repeat(random.nextInt(2000)));
                default -> s.insert(at, "X-F" + random.nextInt(100) + ": " + random.nextInt() + "\r\n");
            }
        }
        return s.toString().getBytes(ISO_8859_1);
    }

    /** Sends one mutated request, then ends its side; the answer (if any) must be well-formed and known. */
    private static String httpCase(PushServer server, byte[] request) throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            try {
                c.send(request);
                c.finishSending();   // an unfinished request then ends at once instead of after the read timeout
            } catch (IOException refusedMidway) {
                // the server answered and closed while the request was still going out: read its answer
            }
            String head;
            try {
                head = c.readHead();
            } catch (IOException noAnswer) {
                assertThat(c.transcript()).as("no partial answer for %s", new String(request, ISO_8859_1)).isEmpty();
                return "closed without answer";
            }
            assertThat(head).as("status line for %s", new String(request, ISO_8859_1)).matches("(?s)HTTP/1\\.1 \\d{3} [^\r\n]+.*");
            int status = Integer.parseInt(head.substring(9, 12));
            assertThat(STATUSES).as("status %d for %s", status, new String(request, ISO_8859_1)).contains(status);
            return "HTTP " + status;
        }
    }

    /** One to four random frames (valid lengths, random bits), then a ping: a pong, or a close with a known code. */
    private static String webSocketCase(PushServer server, Random random) throws IOException {
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send(RawWebSocket.upgradeRequest("/ws/fz-ws", "13"));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101");
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            boolean sentClose = false;
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                int first = random.nextInt(4) == 0 ? random.nextInt(256) : (random.nextBoolean() ? 0x80 : 0) | random.nextInt(11);
                sentClose |= (first & 0x0f) == 0x8;
                byte[] payload = new byte[random.nextInt(10) == 0 ? random.nextInt(1500) : random.nextInt(130)];
                random.nextBytes(payload);
                frames.writeBytes(RawWebSocket.clientFrame(first, payload, random.nextInt(20) != 0));
            }
            frames.writeBytes(RawWebSocket.clientFrame(0x89, "probe".getBytes(UTF_8), true));
            try {
                c.send(frames.toByteArray());
            } catch (IOException closedMidway) {
                // the server closed after a violation while frames were still going out
            }
            while (true) {
                Frame f;
                try {
                    f = RawWebSocket.readFrame(c);
                } catch (IOException ended) {
                    return "ws closed without a close frame";   // only after the server's close frame was lost to a reset
                }
                if (f.opcode() == 0xA && f.text().equals("probe")) {
                    return "ws open";
                }
                if (f.opcode() == 0x8) {
                    if (!sentClose) {
                        assertThat(CLOSE_CODES).as("close code").contains(f.closeCode());
                    }
                    return "ws close " + (sentClose ? "(client closed)" : f.closeCode());
                }
                assertThat(f.opcode()).as("only pongs before the probe's").isEqualTo(0xA);
            }
        }
    }
}
