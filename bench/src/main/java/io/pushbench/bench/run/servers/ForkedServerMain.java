package io.pushbench.bench.run.servers;

import io.pushbench.bench.metrics.GcPauseMeter;
import io.pushbench.report.GcFigures;
import io.pushbench.server.PushServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The server JVM of {@code --server fork}: starts a {@link PushServer} from server arguments, prints
 * {@code pushbench-fork listening <host> <port>}, then answers one-line commands on standard input:
 * <ul>
 *   <li>{@code memory} → {@code memory <heapUsedBytes> <directUsedBytes>} after GC;</li>
 *   <li>{@code gc-start} → {@code ok}, and starts counting GC pauses;</li>
 *   <li>{@code gc} → {@code gc <pauses> <totalPauseMicros> <maxPauseMicros> <collector|collector...>};</li>
 *   <li>{@code exit} (or end of input) → closes the server and exits.</li>
 * </ul>
 * Server counters and CPU are read from its {@code /metrics} endpoint, like any pushbench server's.
 */
public final class ForkedServerMain {

    static final String READY = "pushbench-fork listening";

    private ForkedServerMain() {
    }

    public static void main(String[] args) throws Exception {
        io.pushbench.server.LeakDetection.offUnlessAsked();
        PushServer server;
        InetSocketAddress address;
        try {
            server = new PushServer(ServerArgs.toConfig(Arrays.asList(args)));
            address = server.start();
        } catch (RuntimeException e) {
            System.out.println("pushbench-fork failed " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(READY + " " + address.getAddress().getHostAddress() + " " + address.getPort());
        System.out.flush();
        GcPauseMeter gc = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("exit")) {
            switch (line.trim()) {
                case "memory": {
                    MemoryReading m = MemoryReading.ofThisJvmAfterGc();
                    System.out.println("memory " + m.heapUsedBytes() + " " + m.directUsedBytes());
                    break;
                }
                case "gc-start":
                    if (gc != null) {
                        gc.close();
                    }
                    gc = GcPauseMeter.start();
                    System.out.println("ok");
                    break;
                case "gc": {
                    GcFigures f = gc == null ? new GcFigures("server", java.util.List.of(), 0, 0, 0) : gc.figures("server");
                    System.out.println("gc " + f.pauses() + " " + f.totalPauseMicros() + " " + f.maxPauseMicros() + " "
                            + String.join("|", f.collectors()).replace(' ', '_'));
                    break;
                }
                default:
                    System.out.println("error unknown command '" + line.trim() + "'");
            }
            System.out.flush();
        }
        server.close();
        System.exit(0);
    }
}
