package io.pushbench.bench.client.sse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventParserTest {
    private final List<String> events = new ArrayList<>();
    private final List<Long> retries = new ArrayList<>();
    private long eventBytes;
    private long otherBytes;
    private final SseEventParser parser = new SseEventParser(new SseEventParser.Listener() {
        @Override
        public void onEvent(String type, String lastEventId, ByteBuf data, int bytes) {
            events.add(type + "|" + lastEventId + "|" + data.toString(StandardCharsets.UTF_8));
            eventBytes += bytes;
        }

        @Override
        public void onOtherBytes(int bytes) {
            otherBytes += bytes;
        }

        @Override
        public void onRetry(long millis) {
            retries.add(millis);
        }
    });

    private void feed(String s) {
        parser.feed(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    private void feedByteByByte(byte[] bytes) {
        for (byte b : bytes) {
            parser.feed(Unpooled.wrappedBuffer(new byte[] {b}));
        }
    }

    @Test
    void parsesThePushbenchStream() {
        String stream = "retry: 3000\n\nid: 1\ndata: hello\n\n: hb\n\nevent: pushbench-lost\nid: 9\ndata: 7\n\nid: 10\ndata: a\ndata: b\n\n";
        feed(stream);
        assertThat(events).containsExactly("message|1|hello", "pushbench-lost|9|7", "message|10|a\nb");
        assertThat(retries).containsExactly(3000L);
        assertThat(eventBytes + otherBytes).isEqualTo(stream.length());
        assertThat(otherBytes).isEqualTo("retry: 3000\n\n: hb\n\n".length());
    }

    @Test
    void acceptsCrLfAndCrLineEndsEvenSplitAcrossReads() {
        byte[] stream = "data: one\r\ndata: two\r\rdata:three\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        feedByteByByte(stream);
        assertThat(events).containsExactly("message||one\ntwo", "message||three");
        assertThat(eventBytes + otherBytes).isEqualTo(stream.length);
    }

    @Test
    void dropsALeadingBomAndCountsIt() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = "data: x\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] stream = new byte[bom.length + rest.length];
        System.arraycopy(bom, 0, stream, 0, bom.length);
        System.arraycopy(rest, 0, stream, bom.length, rest.length);
        feedByteByByte(stream);
        assertThat(events).containsExactly("message||x");
        assertThat(otherBytes).isEqualTo(3);
        assertThat(eventBytes).isEqualTo(rest.length);
    }

    @Test
    void followsTheSpecOnEdgeCases() {
        // spec examples: "data" without colon is an empty data line; one leading space only is dropped;
        // unknown fields and bad retry values are ignored; an event without data is not dispatched;
        // an id with NUL is ignored; the last event id persists
        feed("data\ndata\ndata\n\n");
        feed("data:test\n\ndata:  two spaces\n\n");
        feed("foo: bar\nretry: 12a\ndata: u\n\n");
        feed("id: 5\nevent: x\n\n");
        feed("id: 6\u0000\ndata: still 5\n\n");
        feed("event: custom\ndata: c\n\n");
        assertThat(events).containsExactly("message||\n\n", "message||test", "message|| two spaces", "message||u",
                "message|5|still 5", "custom|5|c");
        assertThat(retries).isEmpty();
        assertThat(parser.lastEventId()).isEqualTo("5");
    }

    @Test
    void keepsAnUnfinishedEventUntilItsBlankLine() {
        feed("id: 3\ndata: par");
        assertThat(events).isEmpty();
        feed("tial\n");
        assertThat(events).isEmpty();
        feed("\n");
        assertThat(events).containsExactly("message|3|partial");
    }

    @Test
    void anEventCutByTheEndOfAReadSurvivesOtherStreamsParsedOnTheSameThreadMeanwhile() {
        // parsers on one thread share one buffer during a read: what is still held at its end must be their own
        List<String> otherEvents = new ArrayList<>();
        SseEventParser other = new SseEventParser(new SseEventParser.Listener() {
            @Override
            public void onEvent(String type, String lastEventId, ByteBuf data, int bytes) {
                otherEvents.add(lastEventId + "|" + data.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onOtherBytes(int bytes) {
            }

            @Override
            public void onRetry(long millis) {
            }
        });
        feed("id: 3\ndata: first half");
        other.feed(Unpooled.copiedBuffer("id: 8\ndata: other\n\n", StandardCharsets.UTF_8));
        feed(" of it\ndata: second\n");
        other.feed(Unpooled.copiedBuffer("id: 9\ndata: again and again, longer than the data held\n\n", StandardCharsets.UTF_8));
        feed("\n");

        assertThat(events).containsExactly("message|3|first half of it\nsecond");
        assertThat(otherEvents).containsExactly("8|other", "9|again and again, longer than the data held");
    }
}
