package io.pushbench.bench.network;

import io.pushbench.bench.netns.IpTool;
import io.pushbench.bench.netns.Netem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel link's plumbing: clients in this namespace reach a loopback server through a relay inside a network
 * namespace and back across the veth pair. Where the kernel has netem, the same path with the qdiscs costs the round
 * trip; where it has not (this project's CI kernel), the path is checked without them.
 */
class NetemLinkTest {

    @BeforeAll
    static void needsRootAndIp() {
        assumeTrue(IpTool.isRoot() && IpTool.find("ip") != null, "needs root and iproute2");
    }

    @Test
    void bytesCrossTheNamespaceAndBackAndNothingStaysAfterClose() throws Exception {
        boolean netem = Netem.available();
        NetworkCondition rtt = NetworkCondition.parse("60ms");
        String namespacesBefore = IpTool.ip("netns", "list");
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             NetemLink link = NetemLink.open(new InetSocketAddress("127.0.0.1", echo.getLocalPort()), rtt, netem)) {
            Thread t = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (Exception ignored) {
                    // the assertions below say what went wrong
                }
            });
            t.start();
            assertThat(link.front().getAddress().isLoopbackAddress()).isFalse();
            try (Socket client = new Socket(link.front().getAddress(), link.front().getPort())) {
                client.setSoTimeout(10_000);
                long start = System.nanoTime();
                client.getOutputStream().write("ping".getBytes());
                assertThat(new String(client.getInputStream().readNBytes(4))).isEqualTo("ping");
                long rttMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (netem) {
                    assertThat(rttMillis).isGreaterThanOrEqualTo(60);
                }
            }
            t.join(5000);
        }
        assertThat(IpTool.ip("netns", "list")).isEqualTo(namespacesBefore);
    }
}
