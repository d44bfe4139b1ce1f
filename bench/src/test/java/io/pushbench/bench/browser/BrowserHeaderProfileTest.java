package io.pushbench.bench.browser;

import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientEngineConfig;
import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientSettings;
import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.client.DeliveryListener;
import io.pushbench.bench.client.headers.ClientHeaders;
import io.pushbench.model.Strategy;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import io.pushbench.server.TrafficCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code browser} header profile against what Debian's headless Chromium really sends: Chromium's page makes
 * 20 {@code fetch()} polls, opens an {@code EventSource} and a {@code WebSocket} against one pushbench server; the
 * simulated clients with the profile do the same against another; each server's own byte counters (bytes read per
 * request, per strategy) must agree within 5 %.
 */
class BrowserHeaderProfileTest {

    private static final int FETCHES = 20;
    private static final String PAGE = "<!doctype html><title>headers</title><script>\n"
            + "(async () => {\n"
            + "  for (let i = 0; i < " + FETCHES + "; i++) { await (await fetch('/poll/t?after=0')).arrayBuffer(); }\n"
            + "  await new Promise(ok => { window.es = new EventSource('/sse/t'); window.es.onopen = ok; });\n"
            + "  await new Promise(ok => { window.ws = new WebSocket('ws://' + location.host + '/ws/t'); window.ws.onopen = ok; });\n"
            + "  window.pushbenchResult = {done: true};\n"
            + "})();\n</script>\n";

    private static HeadlessChromium chromium;

    @BeforeAll
    static void needsChromium() {
        chromium = InstalledChromium.orSkip();
    }

    @Test
    void browserProfileRequestsHaveChromiumsSizeWithinFivePercent(@TempDir Path pages) throws Exception {
        Files.writeString(pages.resolve("headers.html"), PAGE);
        Map<Strategy, Double> chromiumBytes;
        try (PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).pageDir(pages).build())) {
            InetSocketAddress a = server.start();
            chromium.runPage("http://127.0.0.1:" + a.getPort() + "/page/headers.html", Duration.ofSeconds(20));
            chromiumBytes = bytesPerRequest(server);
        }
        Map<Strategy, Double> profileBytes = simulated(ClientHeaders.browser());
        Map<Strategy, Double> minimalBytes = simulated(ClientHeaders.MINIMAL);

        for (Strategy s : new Strategy[] {Strategy.SHORT_POLLING, Strategy.SSE, Strategy.WEBSOCKET}) {
            assertThat(profileBytes.get(s)).as(s.label() + " bytes per request, browser profile vs Chromium " + chromiumBytes)
                    .isCloseTo(chromiumBytes.get(s), within(0.05 * chromiumBytes.get(s)));
            assertThat(minimalBytes.get(s)).as(s.label() + ": minimal headers are far smaller than a browser's")
                    .isLessThan(0.6 * chromiumBytes.get(s));
        }
    }

    /** One client per strategy with these headers, against a fresh server: its bytes read per request. */
    private static Map<Strategy, Double> simulated(ClientHeaders headers) throws Exception {
        Map<Strategy, Double> out = new EnumMap<>(Strategy.class);
        try (PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).build());
             ClientEngine engine = new ClientEngine(new ClientEngineConfig(1, 1, true))) {
            InetSocketAddress a = server.start();
            ClientTarget target = ClientTarget.pushbench("127.0.0.1", a.getPort());
            // Chromium offers permessage-deflate in every handshake
            ClientSettings settings = ClientSettings.DEFAULTS.withHeaders(headers).withPollIntervalMillis(50).withWsDeflate(true);
            for (Strategy s : new Strategy[] {Strategy.SHORT_POLLING, Strategy.SSE, Strategy.WEBSOCKET}) {
                ClientGroup group = engine.start(s, target, 1, id -> "t", settings, DeliveryListener.IGNORE);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (server.metrics().of(s).requests() < (s == Strategy.SHORT_POLLING ? FETCHES : 1)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                group.close();
            }
            Thread.sleep(100);
            out.putAll(bytesPerRequest(server));
        }
        return out;
    }

    private static Map<Strategy, Double> bytesPerRequest(PushServer server) {
        Map<Strategy, Double> out = new EnumMap<>(Strategy.class);
        for (Strategy s : new Strategy[] {Strategy.SHORT_POLLING, Strategy.SSE, Strategy.WEBSOCKET}) {
            TrafficCounts c = server.metrics().of(s);
            assertThat(c.requests()).as(s.label() + " requests").isPositive();
            out.put(s, (double) c.bytesRead() / c.requests());
        }
        return out;
    }
}
