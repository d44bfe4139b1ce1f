package io.pushbench.bench.client;

import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Running out of a resource gives an error naming the limit and how to raise it. */
class ResourceLimitTest {

    @Test
    void runningOutOfOpenFilesNamesTheLimitAndHowToRaiseIt() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).build())) {
            int port = server.start().getPort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // a child JVM with 300 open files at most, asked for 400 connections
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -n 300 && exec \"$0\" -cp \"$1\" "
                    + OpenFilesLimitProbe.class.getName() + " \"$2\" 400",
                    java, System.getProperty("java.class.path"), Integer.toString(port)).redirectErrorStream(true);
            Process child = pb.start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("LIMIT open files limit reached (EMFILE/ENFILE")
                    .contains("this process may hold at most 300 files").contains("ulimit -n");
            assertThat(out).containsPattern("CONNECTED [1-9][0-9]* ERRORS [1-9]");
        }
    }

    @Test
    void anUnassignableSourceAddressNamesTheEphemeralPortLimit() {
        InetSocketAddress notLocal = new InetSocketAddress("192.0.2.1", 0); // TEST-NET-1, never on this host
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.bind(notLocal);
            }
        }).isInstanceOf(BindException.class).satisfies(e -> {
            String message = ResourceLimitDiagnosis.limitMessage(e, notLocal);
            assertThat(message).startsWith("ephemeral ports exhausted (EADDRNOTAVAIL")
                    .contains("192.0.2.1").contains("ip_local_port_range").contains("sourceAddressCount");
        });
    }

    @Test
    void otherFailuresAreNotLimits() {
        assertThat(ResourceLimitDiagnosis.limitMessage(new IOException("Connection refused"), null)).isNull();
        assertThat(ResourceLimitDiagnosis.describe(new IOException("Connection refused"), null))
                .contains("Connection refused");
        assertThat(ResourceLimitDiagnosis.limitMessage(new OutOfMemoryError("Direct buffer memory"), null))
                .startsWith("memory exhausted").contains("-XX:MaxDirectMemorySize");
    }
}
