package io.pushbench.server.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Short or long polling on HttpClient: asks again with the {@code X-Pushbench-Next-After} it was given. */
final class PollingTestClient extends PushTestClient {

    private final String prefix;
    private volatile boolean closed;
    private Thread loop;

    PollingTestClient(InetSocketAddress server, String prefix) {
        super(server);
        this.prefix = prefix;
    }

    @Override
    protected void start(String topic, long after) {
        loop = new Thread(() -> run(topic, after), "test-poller");
        loop.setDaemon(true);
        loop.start();
    }

    private void run(String topic, long after) {
        long cursor = after;
        while (!closed) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + prefix + topic + "?after=" + cursor))
                        .timeout(Duration.ofSeconds(60)).GET().build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long lost = response.headers().firstValueAsLong("X-Pushbench-Lost").orElse(0);
                long next = response.headers().firstValueAsLong("X-Pushbench-Next-After").orElseThrow();
                if (closed) {
                    return;     // a closed client takes nothing more
                }
                if (lost > 0) {
                    received.add(Received.lost(lost, cursor + lost));
                }
                if (response.statusCode() == 200) {
                    received.addAll(BatchBodyParser.parse(response.body()));
                } else if (response.statusCode() != 204) {
                    throw new AssertionError("unexpected status " + response.statusCode());
                }
                cursor = next;
                if (prefix.equals("/poll/") && response.statusCode() == 204) {
                    Thread.sleep(20);   // the polling interval
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!closed) {
                    received.add(new Received(-1, e.toString().getBytes(), 0));
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.interrupt();
    }
}
