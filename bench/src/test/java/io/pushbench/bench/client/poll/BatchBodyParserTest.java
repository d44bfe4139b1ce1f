package io.pushbench.bench.client.poll;

import io.netty.buffer.Unpooled;
import io.pushbench.bench.client.http.HttpFramingException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchBodyParserTest {
    private final List<String> messages = new ArrayList<>();
    private long framing;
    private final PollBodyParser.Sink sink = (seq, payload, framingBytes) -> {
        messages.add(seq + ":" + payload.toString(StandardCharsets.ISO_8859_1));
        framing += framingBytes;
    };

    @Test
    void parsesTheWireFormatExample() {
        String body = "7 5\nhello\n8 2\nhi\n";
        BatchBodyParser parser = new BatchBodyParser();
        parser.content(Unpooled.copiedBuffer(body, StandardCharsets.ISO_8859_1), sink);
        parser.end(sink);
        assertThat(messages).containsExactly("7:hello", "8:hi");
        assertThat(framing + "hello".length() + "hi".length()).isEqualTo(body.length());
    }

    @Test
    void parsesRecordsSplitAtEveryByte() {
        String body = "10 3\na\nb\n11 0\n\n12 4\n1234\n";
        BatchBodyParser parser = new BatchBodyParser();
        for (byte b : body.getBytes(StandardCharsets.ISO_8859_1)) {
            parser.content(Unpooled.wrappedBuffer(new byte[] {b}), sink);
        }
        parser.end(sink);
        assertThat(messages).containsExactly("10:a\nb", "11:", "12:1234");
        assertThat(framing + 3 + 0 + 4).isEqualTo(body.length());
    }

    @Test
    void rejectsABodyEndingInsideARecord() {
        BatchBodyParser parser = new BatchBodyParser();
        parser.content(Unpooled.copiedBuffer("7 5\nhel", StandardCharsets.ISO_8859_1), sink);
        assertThatThrownBy(() -> parser.end(sink)).isInstanceOf(HttpFramingException.class);
    }

    @Test
    void rejectsAMalformedHeader() {
        BatchBodyParser parser = new BatchBodyParser();
        assertThatThrownBy(() -> parser.content(Unpooled.copiedBuffer("x 5\nhello\n", StandardCharsets.ISO_8859_1), sink))
                .isInstanceOf(HttpFramingException.class).hasMessageContaining("in seq");
    }

    @Test
    void linesAndSingleFormatsCarryPayloadsWithoutSeqs() {
        LineBodyParser lines = new LineBodyParser();
        lines.content(Unpooled.copiedBuffer("a1\r\n\nb2\nc", StandardCharsets.ISO_8859_1), sink);
        lines.content(Unpooled.copiedBuffer("3\n", StandardCharsets.ISO_8859_1), sink);
        lines.end(sink);
        SinglePayloadBodyParser single = new SinglePayloadBodyParser();
        single.content(Unpooled.copiedBuffer("who", StandardCharsets.ISO_8859_1), sink);
        single.content(Unpooled.copiedBuffer("le", StandardCharsets.ISO_8859_1), sink);
        single.end(sink);
        single.end(sink); // an empty body carries no message
        assertThat(messages).containsExactly("-1:a1", "-1:b2", "-1:c3", "-1:whole");
    }
}
