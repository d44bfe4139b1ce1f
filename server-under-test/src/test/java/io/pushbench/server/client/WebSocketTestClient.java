package io.pushbench.server.client;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A WebSocket reader on the JDK's WebSocket: binary frames {@code <seq> LF <payload>}, text frames are notices. */
final class WebSocketTestClient extends PushTestClient implements WebSocket.Listener {

    private static final Pattern LOST = Pattern.compile("\\{\"lost\":(\\d+),\"nextAfter\":(\\d+)}");

    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;

    WebSocketTestClient(InetSocketAddress server) {
        super(server);
    }

    @Override
    protected void start(String topic, long after) {
        URI uri = URI.create(base.replace("http:", "ws:") + "/ws/" + topic + "?after=" + after);
        try {
            socket = http.newWebSocketBuilder().buildAsync(uri, this).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("WebSocket handshake failed", e);
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        frame.writeBytes(bytes);
        if (last) {
            byte[] all = frame.toByteArray();
            frame.reset();
            int lf = 0;
            while (all[lf] != '\n') {
                lf++;
            }
            long seq = Long.parseLong(new String(all, 0, lf, StandardCharsets.US_ASCII));
            received.add(Received.message(seq, Arrays.copyOfRange(all, lf + 1, all.length)));
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            Matcher m = LOST.matcher(text);
            if (!m.matches()) {
                throw new AssertionError("unexpected notice " + text);
            }
            received.add(Received.lost(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
