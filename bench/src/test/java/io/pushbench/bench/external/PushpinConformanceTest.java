package io.pushbench.bench.external;

import io.pushbench.model.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pushbench against Pushpin, a GRIP proxy nobody here wrote, holding SSE streams for a GRIP origin: 1,000 clients,
 * zero loss, a valid run. Publishes go to Pushpin's control API as a JSON envelope, and Pushpin answers each with
 * {@code Connection: close}: the publisher needs a new connection for every message (a keep-alive request limit of 1).
 * Long polling and WebSocket are not offered here: a GRIP long poll loses what is published between a client's
 * polls unless the origin keeps a backlog, and WebSocket needs a WebSocket-over-HTTP origin.
 */
class PushpinConformanceTest {

    @TempDir
    Path dir;

    @Test
    void sseDeliversEveryMessagePublishedThroughTheControlApiToAThousandClients() throws Exception {
        try (PushpinServer pushpin = PushpinServer.start(dir)) {
            List<String> args = new java.util.ArrayList<>(targetArgs(pushpin));
            // at pushbench's default 2,000 new connections/s Pushpin (its default queue sizes) answers some 502
            args.add("--ramp-up=500");
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), Strategy.SSE, args);

            PushbenchCli.assertValidWithoutLoss(run);
            assertThat(pushpin.isAlive()).as(pushpin.logTail()).isTrue();
        }
    }

    /** The recipe of docs/external-targets.md. */
    static List<String> targetArgs(PushpinServer pushpin) {
        return List.of(
                "--url-sse=" + pushpin.base() + "/sse/{topic}",
                "--publish-url=" + pushpin.publishUrl(),
                // the SSE event Pushpin appends to every held stream of the channel; \n is JSON's, inside the string
                "--publish-body={\"items\":[{\"channel\":\"{topic:json}\",\"formats\":{\"http-stream\":"
                        + "{\"content\":\"data: {payload:json}\\n\\n\"}}}]}",
                "--publish-header=Content-Type: application/json");
    }
}
