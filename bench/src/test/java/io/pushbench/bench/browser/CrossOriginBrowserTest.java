package io.pushbench.bench.browser;

import io.pushbench.bench.claims.CrossOriginProbe;
import io.pushbench.bench.claims.Observations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim 8 in Debian's headless Chromium: a page of one pushbench server opens EventSource, fetch() and WebSocket to
 * another (another origin), without and with {@code --cors-allow-origin *}.
 */
class CrossOriginBrowserTest {

    private static HeadlessChromium chromium;

    @BeforeAll
    static void needsChromium() {
        chromium = InstalledChromium.orSkip();
    }

    @Test
    void eventSourceAcrossOriginsNeedsAllowOriginWhileWebSocketNeedsNoCorsHeader() throws Exception {
        Observations o = new Observations();

        CrossOriginProbe.run(chromium, o);

        assertThat(o.figure(CrossOriginProbe.NO_CORS, "eventsource", null, CrossOriginProbe.OPENED)).isZero();
        assertThat(o.figure(CrossOriginProbe.NO_CORS, "fetch", null, CrossOriginProbe.OPENED)).isZero();
        assertThat(o.figure(CrossOriginProbe.NO_CORS, "websocket", null, CrossOriginProbe.OPENED)).isEqualTo(1.0);
        assertThat(o.figure(CrossOriginProbe.CORS_STAR, "eventsource", null, CrossOriginProbe.OPENED)).isEqualTo(1.0);
        assertThat(o.figure(CrossOriginProbe.CORS_STAR, "fetch", null, CrossOriginProbe.OPENED)).isEqualTo(1.0);
        // credentials are not allowed with '*' (the exact origin and Allow-Credentials are needed)
        assertThat(o.figure(CrossOriginProbe.CORS_STAR, "eventsource-credentials", null, CrossOriginProbe.OPENED)).isZero();
    }
}
