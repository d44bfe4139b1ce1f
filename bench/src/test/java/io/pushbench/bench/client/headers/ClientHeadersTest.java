package io.pushbench.bench.client.headers;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.bench.client.http.HttpRequestWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientHeadersTest {

    private static final UrlTemplate SSE = UrlTemplate.parse("http://127.0.0.1:8080/sse/{topic}?after={seq}");
    private static final UrlTemplate POLL = UrlTemplate.parse("http://127.0.0.1:8080/poll/{topic}?after={seq}");

    @Test
    void browserProfileHasChromiumsHeadersPerKindWithTheOriginFilledIn() {
        ClientHeaders browser = ClientHeaders.browser();

        assertThat(browser.block(RequestKind.FETCH, POLL))
                .startsWith("Connection: keep-alive\r\nsec-ch-ua-platform: \"Linux\"\r\nUser-Agent: Mozilla/5.0 ")
                .contains("Referer: http://127.0.0.1:8080/page\r\n")
                .endsWith("Accept-Language: en-US,en;q=0.9\r\n");
        assertThat(browser.names(RequestKind.EVENT_SOURCE)).contains("accept", "cache-control", "sec-fetch-mode");
        assertThat(browser.headers(RequestKind.WEB_SOCKET, POLL)).extracting(ClientHeaders.Header::name)
                .containsExactly("Pragma", "Cache-Control", "User-Agent", "Origin", "Accept-Encoding", "Accept-Language");
        assertThat(ClientHeaders.MINIMAL.block(RequestKind.FETCH, POLL)).isEmpty();
    }

    @Test
    void sseRequestWithTheProfileWritesItsAcceptOnceAndMinimalWritesOnlyHost() {
        ClientHeaders browser = ClientHeaders.browser();
        HttpRequestWriter profiled = new HttpRequestWriter(SSE, "t", browser.block(RequestKind.EVENT_SOURCE, SSE),
                browser.names(RequestKind.EVENT_SOURCE));
        HttpRequestWriter minimal = new HttpRequestWriter(SSE, "t");

        String withProfile = text(profiled.get(ByteBufAllocator.DEFAULT, 0, "Accept", "text/event-stream", "Last-Event-ID", "7"));
        String plain = text(minimal.get(ByteBufAllocator.DEFAULT, 0, "Accept", "text/event-stream"));

        assertThat(withProfile.split("Accept: text/event-stream", -1)).hasSize(2);
        assertThat(withProfile).startsWith("GET /sse/t?after=0 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: keep-alive\r\n")
                .endsWith("Last-Event-ID: 7\r\n\r\n");
        assertThat(plain).isEqualTo("GET /sse/t?after=0 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: text/event-stream\r\n\r\n");
    }

    @Test
    void cookieLineHasExactlyTheAskedSize() {
        ClientHeaders withCookie = ClientHeaders.MINIMAL.withCookieBytes(512);

        assertThat(withCookie.block(RequestKind.FETCH, POLL)).hasSize(512).startsWith("Cookie: pb=xxx").endsWith("x\r\n");
        assertThat(withCookie.describe()).isEqualTo("minimal + 512 B cookie");
        assertThatThrownBy(() -> ClientHeaders.MINIMAL.withCookieBytes(5)).hasMessageContaining("--cookie-bytes");
    }

    @Test
    void profileFileIsReadAndBadOnesAreRefusedByLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("app.headers");
        Files.writeString(good, "# an app\n[fetch]\nX-Api-Key: abc\n[websocket]\nOrigin: {origin}\n");
        Path bad = dir.resolve("bad.headers");
        Files.writeString(bad, "[fetch]\nno colon here\n");

        ClientHeaders app = ClientHeaders.parse(good.toString());

        assertThat(app.block(RequestKind.FETCH, POLL)).isEqualTo("X-Api-Key: abc\r\n");
        assertThat(app.block(RequestKind.EVENT_SOURCE, POLL)).isEmpty();
        assertThat(app.block(RequestKind.WEB_SOCKET, POLL)).isEqualTo("Origin: http://127.0.0.1:8080\r\n");
        assertThatThrownBy(() -> ClientHeaders.parse(bad.toString())).hasMessageContaining("line 2")
                .hasMessageContaining("no colon here");
        assertThatThrownBy(() -> ClientHeaders.parse("chrome")).hasMessageContaining("expected minimal, browser or a header profile file");
    }

    private static String text(ByteBuf buf) {
        try {
            return buf.toString(StandardCharsets.ISO_8859_1);
        } finally {
            buf.release();
        }
    }
}
