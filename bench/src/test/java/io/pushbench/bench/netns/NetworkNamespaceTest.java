package io.pushbench.bench.netns;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NetworkNamespaceTest {

    @BeforeAll
    static void needsRootAndIp() {
        assumeTrue(IpTool.isRoot() && IpTool.find("ip") != null, "needs root and iproute2");
    }

    @Test
    void processInNamespaceReachesTheRootNamespaceOverTheVethPairOnly() throws Exception {
        String nsName;
        String device;
        try (NetworkNamespace ns = NetworkNamespace.create("pb-test");
             VethPair link = VethPair.create(NetworkNamespace.ROOT, ns, VethPair.subnet(2001));
             ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(link.localAddress()))) {
            nsName = ns.name();
            device = link.localDevice();
            assertTrue(IpTool.ip("netns", "list").contains(nsName));
            String inside = ns.ip("-o", "addr", "show");
            assertTrue(inside.contains(link.peerAddress() + "/30"), inside);
            assertFalse(inside.contains(link.localAddress() + "/30"), inside);

            // a forked process inside the namespace connects back over the pair and writes a line
            Process p = ns.processBuilder(List.of("bash", "-c",
                    "exec 3<>/dev/tcp/" + link.localAddress() + "/" + server.getLocalPort() + "; echo hello-from-ns >&3"))
                    .redirectErrorStream(true).start();
            server.setSoTimeout(10_000);
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                assertEquals(link.peerAddress(), s.getInetAddress().getHostAddress());
                assertEquals("hello-from-ns\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        assertFalse(IpTool.ip("netns", "list").contains(nsName), "namespace deleted");
        assertThrows(IOException.class, () -> IpTool.ip("link", "show", device), "veth pair deleted");
    }

    @Test
    void failedVethCreationLeavesNothingBehind() throws Exception {
        try (NetworkNamespace ns = NetworkNamespace.create("pb-test")) {
            // 10.200.300 is not an address: the address step fails after the pair was made
            IOException e = assertThrows(IOException.class, () -> VethPair.create(NetworkNamespace.ROOT, ns, "10.200.300"));
            assertTrue(e.getMessage().contains("addr add"), e.getMessage());
            String links = IpTool.ip("-o", "link", "show");
            assertFalse(links.contains("pb" + ProcessHandle.current().pid() % 100_000 + "x"), links);
        }
    }

    @Test
    void netemProbeAnswersWithoutLeavingANamespace() throws Exception {
        String before = IpTool.ip("netns", "list");
        Netem.available();   // true or false by kernel; either way no namespace is left
        assertEquals(before, IpTool.ip("netns", "list"));
    }
}
