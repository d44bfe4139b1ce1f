package io.pushbench.bench.client.keepalive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A push server nobody in pushbench's clients wrote, on raw loopback sockets (a thread per connection), that ends
 * connections the ways real servers do, as its {@link Script} says: {@code Connection: close} on the last answer of
 * a keep-alive connection (nginx's {@code keepalive_requests}), a silent close of a connection idle between requests
 * (nginx's {@code keepalive_timeout}), a close right after reading a request without answering it (the close crossing
 * the request), and a close-delimited SSE answer (no {@code Content-Length}, not chunked: nginx + nchan) that it may
 * end after some events.
 *
 * <p>{@code GET /poll/{topic}?after=N}: short polling answers at once, long polling holds until a message after N
 * exists; the body is the messages after N one per line, or only message N+1 ({@link Script#singleMessage}), with
 * {@code Content-Length}. {@code GET /sse/{topic}}: events {@code id: seq} / {@code data: payload} from
 * {@code Last-Event-ID} on. One topic; the topic segment is ignored. Counts requests read, connections accepted,
 * requests dropped unanswered, requests that crossed its close of an idle connection, and streams it ended.
 */
final class ScriptedPushServer implements AutoCloseable {

    /**
     * @param closeAfterAnswers  poll answers per connection; the last says {@code Connection: close} (0 = unlimited)
     * @param idleCloseMillis    close a connection idle this long after an answer, silently (0 = never)
     * @param dropRequestAfter   on every connection, read the request after this many answers and close without
     *                           answering (0 = never)
     * @param holdPolls          hold a poll until a message after the cursor exists (long polling)
     * @param singleMessage      a poll answer carries only the next message
     * @param endStreamAfter     end an SSE stream (close) after this many events (0 = never)
     * @param retryMillis        an SSE {@code retry:} field sent first (negative = none)
     */
    record Script(int closeAfterAnswers, long idleCloseMillis, int dropRequestAfter, boolean holdPolls,
                  boolean singleMessage, int endStreamAfter, long retryMillis) {
        static final Script PLAIN = new Script(0, 0, 0, false, false, 0, -1);
    }

    private final Script script;
    private final ServerSocket socket;
    private final List<byte[]> messages = new CopyOnWriteArrayList<>();
    private final Object published = new Object();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    final AtomicLong droppedRequests = new AtomicLong();
    final AtomicLong crossedRequests = new AtomicLong();
    final AtomicLong endedStreams = new AtomicLong();
    final AtomicLong resumedWithLastEventId = new AtomicLong();
    final AtomicInteger open = new AtomicInteger();
    private volatile boolean stopped;

    ScriptedPushServer(Script script) throws IOException {
        this.script = script;
        socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-push-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void publish(byte[] payload) {
        synchronized (published) {
            messages.add(payload);
            published.notifyAll();
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                open.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "scripted-push-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            int answers = 0;
            while (!stopped) {
                s.setSoTimeout(answers > 0 && script.idleCloseMillis() > 0 ? (int) script.idleCloseMillis() : 0);
                String head;
                try {
                    head = readHead(in);
                } catch (SocketTimeoutException idle) {
                    closeIdle(s, in); // keepalive_timeout: closed without notice
                    return;
                }
                if (head == null) {
                    return; // the client closed
                }
                requests.incrementAndGet();
                if (script.dropRequestAfter() > 0 && answers == script.dropRequestAfter()) {
                    droppedRequests.incrementAndGet();
                    return; // read, never answered
                }
                String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
                if (target.startsWith("/sse/")) {
                    stream(s, in, out, header(head, "last-event-id"));
                    return;
                }
                int after = Integer.parseInt(target.substring(target.indexOf("after=") + 6));
                if (script.holdPolls() && !awaitMessageAfter(s, in, after)) {
                    return;
                }
                answers++;
                boolean last = script.closeAfterAnswers() > 0 && answers == script.closeAfterAnswers();
                byte[] body = body(after);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n"
                        + (last ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                if (last) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test stopped the server
        } finally {
            open.decrementAndGet();
        }
    }

    /**
     * Closes an idle connection: sends FIN at once, then reads what the client sent before it saw the FIN (a request
     * crossing the close), counting it as crossed, never as read or answered.
     */
    private void closeIdle(Socket s, InputStream in) throws IOException {
        s.shutdownOutput();
        s.setSoTimeout(10_000);
        while (readHead(in) != null) {
            crossedRequests.incrementAndGet();
        }
    }

    private byte[] body(int after) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int size = messages.size();
        int end = script.singleMessage() ? Math.min(size, after + 1) : size;
        for (int i = after; i < end; i++) {
            body.writeBytes(messages.get(i));
            if (!script.singleMessage()) {
                body.write('\n');
            }
        }
        return body.toByteArray();
    }

    /** Waits for a message after the cursor; false when the client closed meanwhile. */
    private boolean awaitMessageAfter(Socket s, InputStream in, int after) throws IOException, InterruptedException {
        while (messages.size() <= after) {
            if (stopped || clientClosed(s, in)) {
                return false;
            }
            synchronized (published) {
                if (messages.size() <= after) {
                    published.wait(10);
                }
            }
        }
        return true;
    }

    private void stream(Socket s, InputStream in, OutputStream out, String lastEventId)
            throws IOException, InterruptedException {
        int next = lastEventId == null ? 0 : Integer.parseInt(lastEventId.trim());
        if (lastEventId != null) {
            resumedWithLastEventId.incrementAndGet();
        }
        // close-delimited: neither Content-Length nor chunked, as nginx + nchan answers
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        if (script.retryMillis() >= 0) {
            out.write(("retry: " + script.retryMillis() + "\n\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        int sent = 0;
        while (!stopped) {
            if (next < messages.size()) {
                out.write(("id: " + (next + 1) + "\ndata: " + new String(messages.get(next), StandardCharsets.US_ASCII)
                        + "\n\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                next++;
                if (script.endStreamAfter() > 0 && ++sent == script.endStreamAfter()) {
                    endedStreams.incrementAndGet();
                    return; // the server ends the stream: its close ends the body
                }
            } else if (clientClosed(s, in)) {
                return;
            } else {
                synchronized (published) {
                    if (next >= messages.size()) {
                        published.wait(10);
                    }
                }
            }
        }
    }

    /** Whether the client half-closed (its graceful close); waits up to a millisecond. */
    private static boolean clientClosed(Socket s, InputStream in) throws IOException {
        s.setSoTimeout(1);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** The request head up to its blank line, or null when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString();
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        socket.close();
    }
}
