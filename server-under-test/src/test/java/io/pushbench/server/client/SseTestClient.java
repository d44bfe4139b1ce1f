package io.pushbench.server.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An SSE reader on HttpClient, parsing the event stream per the HTML Living Standard (id, event, data fields). */
final class SseTestClient extends PushTestClient {

    private volatile InputStream body;
    private volatile boolean closed;

    SseTestClient(InetSocketAddress server) {
        super(server);
    }

    @Override
    protected void start(String topic, long after) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/sse/" + topic + "?after=" + after)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("SSE answered " + response.statusCode());
            }
            body = response.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot open SSE stream", e);
        }
        Thread reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null && !closed) {
                if (line.isEmpty()) {
                    if (data != null) {
                        dispatch(event, id, data.toString());
                    }
                    event = "message";
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void dispatch(String event, String id, String data) {
        if (event.equals("pushbench-lost")) {
            received.add(Received.lost(Long.parseLong(data), Long.parseLong(id)));
        } else {
            received.add(Received.message(Long.parseLong(id), data.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
