package io.pushbench.bench.publish;

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

/**
 * A real HTTP/1.1 publish endpoint on loopback whose answers and connection closes follow a script: a status code per
 * request, {@code Connection: close} every N answers on a connection, closing connections idle for a while, or
 * closing right after reading one request without answering it. Records every request it read, and counts the
 * connections it accepted.
 */
final class ScriptedPublishServer implements AutoCloseable {

    /** One request as read. */
    record Request(String method, String target, List<String> headerLines, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the server does. */
    static final class Script {
        /** Status of the n-th request overall (0-based). */
        java.util.function.IntUnaryOperator status = n -> 200;
        /** Answer with {@code Connection: close} and close after this many answers on one connection (0 = never). */
        int closeEvery;
        /** Close a connection on which no request arrived for this long (0 = never). */
        int idleCloseMillis;
        /** Read this request (0-based, overall) and close without answering (-1 = none). */
        int dropRequest = -1;
        /** Read a request it matches and close without answering (in addition to {@link #dropRequest}). */
        java.util.function.Predicate<Request> drop = r -> false;
        /** Called with every request before it is answered or dropped (e.g. to forward it to a real server). */
        java.util.function.Consumer<Request> onRequest = r -> { };
        /** Answer a request it matches 504 Gateway Timeout, as a server whose upstream did not answer. */
        java.util.function.Predicate<Request> gatewayTimeout = r -> false;
        /**
         * Whether {@link #onRequest} also sees the dropped requests and those answered 504 (they are then processed,
         * just not answered, or answered as if not).
         */
        boolean processDropped;
        /** On these connections (0-based, in accept order), read the first request's head only, then close. */
        java.util.function.IntPredicate closeAfterHead = c -> false;
        /** The {@code X-Pushbench-Seq} of an answer, or null for none. */
        java.util.function.ToLongFunction<Request> seq;
    }

    private final ServerSocket socket;
    private final Script script;
    private final Thread acceptor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ScriptedPublishServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "scripted-publish");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String url(String pathTemplate) {
        return "http://127.0.0.1:" + port() + pathTemplate;
    }

    List<Request> requests() {
        return requests;
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                int number = connections.getAndIncrement();
                open.add(s);
                Thread t = new Thread(() -> serve(s, number), "scripted-publish-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;   // closed by the test
            }
        }
    }

    private void serve(Socket s, int number) {
        try (s) {
            InputStream in = s.getInputStream();
            if (script.closeAfterHead.test(number)) {
                readHead(in);
                return;   // the body is left unread: the kernel answers the client's next bytes with a reset
            }
            OutputStream out = s.getOutputStream();
            int answered = 0;
            while (true) {
                s.setSoTimeout(script.idleCloseMillis);
                Request r;
                try {
                    r = read(in);
                } catch (SocketTimeoutException idle) {
                    return;   // the idle timeout: close between requests, as nginx's keepalive_timeout
                }
                if (r == null) {
                    return;
                }
                int index;
                synchronized (requests) {
                    index = requests.size();
                    requests.add(r);
                }
                boolean dropped = index == script.dropRequest || script.drop.test(r);
                boolean gatewayTimeout = !dropped && script.gatewayTimeout.test(r);
                if (!(dropped || gatewayTimeout) || script.processDropped) {
                    script.onRequest.accept(r);
                }
                if (dropped) {
                    return;   // read it, maybe processed it, never answered
                }
                answered++;
                boolean close = script.closeEvery > 0 && answered % script.closeEvery == 0;
                int status = gatewayTimeout ? 504 : script.status.applyAsInt(index);
                String answer = "HTTP/1.1 " + status + " Scripted\r\nContent-Length: 0\r\n"
                        + (script.seq == null ? "" : "X-Pushbench-Seq: " + script.seq.applyAsLong(r) + "\r\n")
                        + (close ? "Connection: close\r\n" : "") + "\r\n";
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client closed, or the test closed the server
        }
    }

    /** A request's head, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** One request, or null at the end of the stream. */
    private static Request read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        int length = 0;
        List<String> headerLines = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            headerLines.add(lines[i]);
            if (lines[i].toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(lines[i].substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Request(requestLine[0], requestLine[1], headerLines, body);
    }

    @Override
    public void close() throws Exception {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
        acceptor.join(10_000);
    }
}
