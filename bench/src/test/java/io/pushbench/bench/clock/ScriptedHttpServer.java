package io.pushbench.bench.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real, tiny HTTP/1.1 server on loopback that answers every request with the text its script gives at that moment
 * (status line, headers, body), and keeps the connection until the client closes it (so a client that waited for the
 * server to close would hang): a foreign server with any clock the test wants.
 */
final class ScriptedHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger requests = new AtomicInteger();

    ScriptedHttpServer(Supplier<String> answer) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(answer), "scripted-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Requests received so far (counted before they are answered). */
    int requests() {
        return requests.get();
    }

    /** An endpoint for this server's clock, as for an external target on this host. */
    ClockEndpoint endpoint() {
        return new ClockEndpoint("127.0.0.1", port(), "127.0.0.1:" + port(), TargetClock.SAME_HOST);
    }

    private void serve(Supplier<String> answer) {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                requests.incrementAndGet();   // before answering: a client that has its answer sees it counted
                OutputStream out = s.getOutputStream();
                out.write(answer.get().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                // keep the connection until the client closes it, as a keep-alive server ignoring "Connection: close"
                s.setSoTimeout(30_000);
                while (in.read() >= 0) {
                    // discard
                }
            } catch (IOException e) {
                // closed by the test, or a client gave up: nothing to answer
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join(10_000);
    }
}
