package io.pushbench.server.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay in front of a broker on loopback (Redis, PostgreSQL) that can lose one answer the way a crash does: the
 * request reaches the broker and runs, then its connection is cut before the answer gets back, so the client cannot
 * know whether it ran. Every other byte and every later connection is relayed as it is.
 */
final class AnswerCuttingProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Text of the request whose answer is to be lost; null when none is. */
    private final AtomicReference<String> cutAnswerTo = new AtomicReference<>();
    private volatile boolean refusing;

    AnswerCuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "answer-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    /**
     * The next request whose bytes hold this text (a Redis command's name, a statement's parameter) is relayed and
     * run, and its connection cut before its answer.
     */
    void cutTheAnswerTo(String text) {
        cutAnswerTo.set(text);
    }

    /** From now on, a new connection is closed at once (the broker seems down); those open stay. */
    void refuseNewConnections() {
        refusing = true;
    }

    /** Whether the armed cut has happened. */
    boolean cut() {
        return cutAnswerTo.get() == null;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                Pair pair = new Pair(client, server);
                start(() -> pair.relay(client, server, true));
                start(() -> pair.relay(server, client, false));
            } catch (IOException e) {
                return;         // closed
            }
        }
    }

    private static void start(Runnable relay) {
        Thread t = new Thread(relay, "answer-cutting-proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    /** One relayed connection: client to Redis and back. */
    private final class Pair {
        private final Socket client;
        private final Socket server;
        private volatile boolean cutNextAnswer;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void relay(Socket from, Socket to, boolean toRedis) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (toRedis) {
                        String armed = cutAnswerTo.get();
                        if (armed != null && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(armed)) {
                            cutNextAnswer = true;
                        }
                    } else if (cutNextAnswer) {
                        cutAnswerTo.set(null);
                        closeBoth();        // the command ran; its answer is dropped with the connection
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away: the other goes too
            }
            closeBoth();
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        sockets.forEach(AnswerCuttingProxy::closeQuietly);
    }
}
