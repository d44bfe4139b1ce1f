package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResponseFramerTest {

    /** Records what the framer reports. */
    static final class Recorder implements HttpResponseFramer.Listener {
        final List<HttpResponseHead> heads = new ArrayList<>();
        final StringBuilder content = new StringBuilder();
        long framingBytes;
        int ends;

        @Override
        public void onHead(HttpResponseHead head) {
            heads.add(head);
        }

        @Override
        public void onContent(ByteBuf c) {
            content.append(c.toString(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void onFramingBytes(int bytes) {
            framingBytes += bytes;
        }

        @Override
        public void onEnd() {
            ends++;
        }
    }

    private static void feedByteByByte(HttpResponseFramer framer, String s) {
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            framer.feed(Unpooled.wrappedBuffer(new byte[] {b}));
        }
    }

    @Test
    void splitsKeepAliveResponsesAndCountsEveryByte() {
        String r1 = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Pushbench-Next-After: 7\r\n\r\nhello";
        String r2 = "HTTP/1.1 204 No Content\r\nX-Pushbench-Next-After: 7\r\n\r\n";
        String r3 = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nTrailer: x\r\n\r\n";
        Recorder rec = new Recorder();
        HttpResponseFramer framer = new HttpResponseFramer(rec);
        framer.feed(Unpooled.copiedBuffer(r1 + r2 + r3, StandardCharsets.ISO_8859_1));

        assertThat(rec.ends).isEqualTo(3);
        assertThat(rec.heads).extracting(HttpResponseHead::status).containsExactly(200, 204, 200);
        assertThat(rec.heads.get(0).longHeader("X-Pushbench-Next-After", -1)).isEqualTo(7);
        assertThat(rec.content.toString()).isEqualTo("helloabcde");
        long headBytes = rec.heads.stream().mapToLong(HttpResponseHead::sizeBytes).sum();
        assertThat(headBytes + rec.framingBytes + rec.content.length()).isEqualTo((r1 + r2 + r3).length());
        assertThat(rec.heads.get(0).sizeBytes()).isEqualTo(r1.length() - 5);
        assertThat(framer.inResponse()).isFalse();
    }

    @Test
    void sameResultWhenFedOneByteAtATime() {
        String r = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nxy";
        Recorder rec = new Recorder();
        feedByteByByte(new HttpResponseFramer(rec), r);
        assertThat(rec.ends).isEqualTo(2);
        assertThat(rec.content.toString()).isEqualTo("abcxy");
        long headBytes = rec.heads.stream().mapToLong(HttpResponseHead::sizeBytes).sum();
        assertThat(headBytes + rec.framingBytes + rec.content.length()).isEqualTo(r.length());
    }

    @Test
    void bodyWithoutLengthEndsWhenTheConnectionCloses() {
        Recorder rec = new Recorder();
        HttpResponseFramer framer = new HttpResponseFramer(rec);
        framer.feed(Unpooled.copiedBuffer("HTTP/1.0 200 OK\r\n\r\npayload", StandardCharsets.ISO_8859_1));
        assertThat(rec.ends).isZero();
        assertThat(framer.connectionClosed()).isFalse();
        assertThat(rec.ends).isEqualTo(1);
        assertThat(rec.content.toString()).isEqualTo("payload");
        assertThat(rec.heads.get(0).connectionClose()).isTrue();
    }

    @Test
    void reportsACutOffResponse() {
        HttpResponseFramer framer = new HttpResponseFramer(new Recorder());
        framer.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", StandardCharsets.ISO_8859_1));
        assertThat(framer.connectionClosed()).isTrue();
    }

    @Test
    void readsHeadersWhateverTheirCaseAndSpacing() {
        Recorder rec = new Recorder();
        String r = "\r\nHTTP/1.1 304 Not Modified\r\nETAG:\"7\"  \r\nVary: a\r\nvary:b\nX-Empty:\r\n\r\n";
        new HttpResponseFramer(rec).feed(Unpooled.copiedBuffer(r, StandardCharsets.ISO_8859_1));
        HttpResponseHead head = rec.heads.get(0);
        assertThat(head.status()).isEqualTo(304);
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.header("etag")).isEqualTo("\"7\"");
        assertThat(head.header("Vary")).isEqualTo("a, b");
        assertThat(head.header("x-empty")).isEmpty();
        assertThat(head.sizeBytes()).isEqualTo(r.length()); // the stray CRLF before it counts with the head
        assertThat(rec.ends).isEqualTo(1);
    }

    @Test
    void readsFramingHeadersFromTheBytes() {
        Recorder rec = new Recorder();
        String r = "HTTP/1.0 200 OK\r\ncontent-LENGTH:  3 \r\nX-Pushbench-Lost: 12\r\nX-Twice: 1\r\nx-twice: 2\r\n\r\nabc"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\nConnection: Keep-Alive, CLOSE\r\n\r\n0\r\n\r\n"
                + "HTTP/1.0 204 No Content\r\nConnection: keep-alive\r\n\r\n";
        new HttpResponseFramer(rec).feed(Unpooled.copiedBuffer(r, StandardCharsets.ISO_8859_1));

        assertThat(rec.ends).isEqualTo(3);
        HttpResponseHead fixed = rec.heads.get(0);
        assertThat(fixed.contentLength()).isEqualTo(3);
        assertThat(fixed.chunked()).isFalse();
        assertThat(fixed.connectionClose()).isTrue(); // HTTP/1.0 without keep-alive
        assertThat(fixed.longHeader("x-pushbench-lost", 0)).isEqualTo(12);
        assertThat(fixed.longHeader("x-twice", -7)).isEqualTo(-7); // repeated: not one number
        assertThat(fixed.longHeader("x-absent", -7)).isEqualTo(-7);
        assertThat(fixed.header("X-TWICE")).isEqualTo("1, 2");
        assertThat(rec.heads.get(1).chunked()).isTrue();
        assertThat(rec.heads.get(1).contentLength()).isEqualTo(-1);
        assertThat(rec.heads.get(1).connectionClose()).isTrue();
        assertThat(rec.heads.get(2).connectionClose()).isFalse();
        assertThat(rec.content.toString()).isEqualTo("abc");
    }

    @Test
    void rejectsAGarbageStatusLine() {
        HttpResponseFramer framer = new HttpResponseFramer(new Recorder());
        assertThatThrownBy(() -> framer.feed(Unpooled.copiedBuffer("SSH-2.0-OpenSSH\r\n\r\n", StandardCharsets.ISO_8859_1)))
                .isInstanceOf(HttpFramingException.class).hasMessageContaining("status line");
    }

    @Test
    void aHeadCutByTheEndOfAReadSurvivesOtherConnectionsFramedOnTheSameThreadMeanwhile() {
        // framers on one thread share one buffer during a read: what is still held at its end must be their own
        String mine = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Mine: 5\r\n\r\nok";
        String theirs = "HTTP/1.1 204 No Content\r\nX-Theirs: a header longer than the part of the head held\r\n\r\n";
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        HttpResponseFramer framerA = new HttpResponseFramer(a);
        HttpResponseFramer framerB = new HttpResponseFramer(b);
        framerA.feed(Unpooled.copiedBuffer(mine.substring(0, 25), StandardCharsets.ISO_8859_1));
        framerB.feed(Unpooled.copiedBuffer(theirs, StandardCharsets.ISO_8859_1));
        framerA.feed(Unpooled.copiedBuffer(mine.substring(25), StandardCharsets.ISO_8859_1));

        assertThat(a.heads).hasSize(1);
        assertThat(a.heads.get(0).status()).isEqualTo(200);
        assertThat(a.heads.get(0).longHeader("X-Mine", -1)).isEqualTo(5);
        assertThat(a.content.toString()).isEqualTo("ok");
        assertThat(a.heads.get(0).sizeBytes()).isEqualTo(mine.length() - 2);
        assertThat(b.heads).extracting(HttpResponseHead::status).containsExactly(204);
        assertThat(framerA.inResponse()).isFalse();
    }
}
