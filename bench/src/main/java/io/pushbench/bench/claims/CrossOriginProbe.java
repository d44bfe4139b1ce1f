package io.pushbench.bench.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.bench.browser.BrowserUnavailableException;
import io.pushbench.bench.browser.HeadlessChromium;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Claim 8's checks in a real browser: a page served by one pushbench server (origin {@code http://127.0.0.1:A})
 * opens an {@code EventSource} (plain and {@code withCredentials}), a {@code fetch()} poll and a {@code WebSocket}
 * to another pushbench server ({@code http://127.0.0.1:B}, another origin), once without CORS headers and once
 * with {@code Access-Control-Allow-Origin: *}. Each check is 1 (opened / answered) or 0 (error), within 5 s.
 */
public final class CrossOriginProbe {

    /** Plan ids of the two server set-ups. */
    public static final String NO_CORS = "cors-none";
    public static final String CORS_STAR = "cors-allow-origin-star";
    /** The figure each check sets. */
    public static final String OPENED = "opened";
    /** The checks, as observation subjects. */
    public static final List<String> CHECKS = List.of("eventsource", "eventsource-credentials", "fetch", "websocket");

    static final String PAGE = "<!doctype html><title>cross-origin</title><script>\n"
            + "const target = new URLSearchParams(location.search).get('target');\n"
            + "function within(ms, p) { return Promise.race([p, new Promise(ok => setTimeout(() => ok(0), ms))]); }\n"
            + "function es(opts) { return within(5000, new Promise(ok => { const e = new EventSource('http://' + target + '/sse/t', opts);\n"
            + "  e.onopen = () => { e.close(); ok(1); }; e.onerror = () => { e.close(); ok(0); }; })); }\n"
            + "(async () => {\n"
            + "  const r = {};\n"
            + "  r['eventsource'] = await es({});\n"
            + "  r['eventsource-credentials'] = await es({withCredentials: true});\n"
            + "  r['fetch'] = await within(5000, fetch('http://' + target + '/poll/t?after=0').then(x => x.ok ? 1 : 0, () => 0));\n"
            + "  r['websocket'] = await within(5000, new Promise(ok => { const w = new WebSocket('ws://' + target + '/ws/t');\n"
            + "    w.onopen = () => { w.close(); ok(1); }; w.onerror = () => ok(0); }));\n"
            + "  window.pushbenchResult = r;\n"
            + "})();\n</script>\n";

    private CrossOriginProbe() {
    }

    /**
     * Runs both set-ups and adds their observations.
     *
     * @throws BrowserUnavailableException when Chromium cannot be driven here
     */
    public static void run(HeadlessChromium chromium, Observations into) throws BrowserUnavailableException, IOException {
        Path pages = Files.createTempDirectory("pushbench-cors");
        try {
            Files.writeString(pages.resolve("cors.html"), PAGE, StandardCharsets.UTF_8);
            try (PushServer pageServer = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0)
                    .pageDir(pages).build())) {
                InetSocketAddress page = pageServer.start();
                for (String plan : List.of(NO_CORS, CORS_STAR)) {
                    PushServerConfig.Builder push = PushServerConfig.builder().bindAddress("127.0.0.1").port(0);
                    if (plan.equals(CORS_STAR)) {
                        push.corsAllowOrigin("*");
                    }
                    try (PushServer pushServer = new PushServer(push.build())) {
                        InetSocketAddress target = pushServer.start();
                        String json = chromium.runPage("http://127.0.0.1:" + page.getPort() + "/page/cors.html?target=127.0.0.1:"
                                + target.getPort(), Duration.ofSeconds(40));
                        JsonNode result = new ObjectMapper().readTree(json);
                        for (String check : CHECKS) {
                            if (result.has(check)) {
                                into.add(new Observations.Observation(plan, check, null,
                                        Map.of(OPENED, result.get(check).asDouble()), true, null));
                            }
                        }
                    }
                }
            }
        } finally {
            try (var files = Files.list(pages)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(pages);
        }
    }
}
