package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pushbench.bench.client.UrlTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/long-poll/{topic}?after={seq}", "http://h/poll/{topic}",
            "http://[::1]:81/{topic}/{seq}?again={seq}", "http://h:80/{seq}/{topic}"})
    void writesRequestLineHostAndTheNonEmptyHeadersWithTheCursorExpanded(String text) {
        UrlTemplate template = UrlTemplate.parse(text);
        HttpRequestWriter writer = new HttpRequestWriter(template, "c42");
        for (long seq : new long[] {0, 7, 10, 999, 1_000_000, Long.MAX_VALUE}) {
            ByteBuf bare = writer.get(ByteBufAllocator.DEFAULT, seq);
            ByteBuf conditional = writer.get(ByteBufAllocator.DEFAULT, seq, "If-None-Match", "\"v1\"", "If-Modified-Since", "",
                    "Last-Event-ID", null, "Accept", "text/event-stream");

            String head = "GET " + template.requestTarget("c42", seq) + " HTTP/1.1\r\nHost: " + template.hostHeader() + "\r\n";
            assertThat(bare.toString(StandardCharsets.ISO_8859_1)).isEqualTo(head + "\r\n");
            assertThat(conditional.toString(StandardCharsets.ISO_8859_1))
                    .isEqualTo(head + "If-None-Match: \"v1\"\r\nAccept: text/event-stream\r\n\r\n");
            bare.release();
            conditional.release();
        }
    }
}
