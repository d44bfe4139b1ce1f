package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar {@code mvn package} builds starts with {@code --port 0}, prints its address, transport
 * and strategies on one line, and answers curl for each strategy; it stops on SIGTERM.
 */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "server-under-test.jar");
    private static final Pattern STARTUP = Pattern.compile(
            "pushbench server listening on http://127\\.0\\.0\\.1:(\\d+) transport=(io_uring|epoll|nio) strategies=poll,long-poll,sse,ws");

    private Process server;
    private String base;

    @BeforeEach
    void startJar() throws IOException {
        assertThat(JAR).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-jar", JAR.toString(), "--port", "0", "--long-poll-hold", "500ms")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("startup line").isNotNull();
        Matcher m = STARTUP.matcher(line);
        assertThat(m.matches()).as("startup line: " + line).isTrue();
        base = "http://127.0.0.1:" + m.group(1);
    }

    @AfterEach
    void stopJar() throws InterruptedException {
        server.destroy();   // SIGTERM: the shutdown hook closes the server
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }

    @Test
    void jarAnswersCurlForEveryStrategy() throws Exception {
        assertThat(curl("-s", "-X", "POST", "--data-binary", "hello", base + "/publish/demo")).isEqualTo("1\n");
        assertThat(curl("-s", base + "/poll/demo?after=0")).isEqualTo("1 5\nhello\n");
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/poll/demo?after=1")).isEqualTo("204");
        assertThat(curl("-s", base + "/long-poll/demo?after=0")).isEqualTo("1 5\nhello\n");
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/long-poll/demo?after=1")).isEqualTo("204");
        assertThat(curl("-s", "-N", "--max-time", "2", base + "/sse/demo"))
                .isEqualTo("retry: 3000\n\nid: 1\ndata: hello\n\n");
        String ws = curl("-s", "-i", "--max-time", "2", "-H", "Connection: Upgrade", "-H", "Upgrade: websocket",
                "-H", "Sec-WebSocket-Version: 13", "-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", base + "/ws/demo");
        assertThat(ws).startsWith("HTTP/1.1 101 Switching Protocols")
                .contains("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                .endsWith("\r\n\r\n\u0082\u00071\nhello");     // one binary frame, FIN, 7 bytes: "1\nhello"
        assertThat(curl("-s", base + "/health")).isEqualTo("ok\n");
        assertThat(curl("-s", base + "/metrics")).contains("\"sse\"").contains("\"messagesDelivered\" : 1");
    }

    /** Runs curl; returns its stdout as ISO-8859-1 (so frame bytes survive). curl's own exit code is not checked: --max-time ends streams. */
    private static String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("curl");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("curl", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
            return new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        } finally {
            Files.delete(out);
        }
    }
}
