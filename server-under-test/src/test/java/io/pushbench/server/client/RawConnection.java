package io.pushbench.server.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain TCP client for what a polite HTTP client cannot send (malformed requests, hand-made WebSocket
 * frames) and for counting, exactly, the bytes its own socket wrote and read.
 */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long bytesWritten;
    private long bytesRead;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the server on loopback; reads time out after 20 s. */
    public static RawConnection open(InetSocketAddress server) throws IOException {
        return open(server, 0);
    }

    /** As {@link #open(InetSocketAddress)} with a small receive buffer (bytes; 0 = the OS default). */
    public static RawConnection open(InetSocketAddress server, int receiveBufferBytes) throws IOException {
        Socket s = new Socket();
        if (receiveBufferBytes > 0) {
            s.setReceiveBufferSize(receiveBufferBytes);
        }
        s.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 10_000);
        s.setSoTimeout(20_000);
        return new RawConnection(s);
    }

    public void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesWritten += bytes.length;
    }

    /** One HTTP/1.1 response: status line, headers, and a body of {@code Content-Length} bytes (none if absent). */
    public RawResponse readResponse() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = readExactly(length);
        return new RawResponse(status, headers, body);
    }

    /** Reads the status line and headers, up to and including the blank line. */
    public String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = readByte();
            if (b < 0) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return new String(h, 0, n - 4, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** Reads until the bytes read so far (since this call) end with {@code marker}; returns them. */
    public byte[] readUntil(String marker) throws IOException {
        byte[] m = marker.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (true) {
            int b = readByte();
            if (b < 0) {
                throw new IOException("connection closed before '" + marker + "': " + got);
            }
            got.write(b);
            byte[] g = got.toByteArray();
            if (g.length >= m.length && Arrays.equals(g, g.length - m.length, g.length, m, 0, m.length)) {
                return g;
            }
        }
    }

    public byte[] readExactly(int count) throws IOException {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            int v = readByte();
            if (v < 0) {
                throw new IOException("connection closed after " + i + " of " + count + " bytes");
            }
            b[i] = (byte) v;
        }
        return b;
    }

    /** Reads everything until the server closes the connection (20 s at most); returns it. */
    public byte[] readToEnd() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            rest.write(chunk, 0, n);
            bytesRead += n;
            transcript.write(chunk, 0, n);
        }
        return rest.toByteArray();
    }

    /** Whether the server closed the connection: the next read sees end of stream (or a reset). */
    public boolean closedByServer() throws IOException {
        try {
            return readByte() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;    // reset by peer
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b >= 0) {
            bytesRead++;
            transcript.write(b);
        }
        return b;
    }

    /** Ends this side of the connection (TCP half-close): the server reads end of stream after what was sent. */
    public void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Bytes this socket wrote. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Bytes this socket read. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Everything read so far, as ISO-8859-1 text. */
    public String transcript() {
        return transcript.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An HTTP response read off the raw socket. */
    public record RawResponse(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
