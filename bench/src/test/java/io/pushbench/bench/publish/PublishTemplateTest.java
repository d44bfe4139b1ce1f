package io.pushbench.bench.publish;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publish templates expand to exactly the bytes each publish API expects. */
class PublishTemplateTest {

    private static final byte[] PAYLOAD = "pb1 t \"q\" \\ +&=/ é\n\tend".getBytes(StandardCharsets.UTF_8);

    private static String expand(String template, String topic) {
        return new String(PublishTemplate.parse(template).expand(topic, PAYLOAD), StandardCharsets.UTF_8);
    }

    @Test
    void rawPlaceholdersInsertTheBytesAsTheyAre() {
        assertThat(PublishTemplate.parse("{payload}").expand("t0", PAYLOAD)).isEqualTo(PAYLOAD);
        assertThat(expand("/pub/{topic}", "r1-t0")).isEqualTo("/pub/r1-t0");
    }

    @Test
    void jsonEscapeWritesTheInsideOfAJsonString() {
        assertThat(expand("{\"channel\":\"{topic:json}\",\"data\":\"{payload:json}\"}", "a\"b"))
                .isEqualTo("{\"channel\":\"a\\\"b\",\"data\":\"pb1 t \\\"q\\\" \\\\ +&=/ é\\n\\tend\"}");
        assertThat(new String(PublishTemplate.escape(new byte[] {1, 'x'}, PublishTemplate.Escape.JSON),
                StandardCharsets.UTF_8)).isEqualTo("\\u0001x");
    }

    @Test
    void pushpinEnvelopeKeepsItsLiteralBracesAndEscapes() {
        String pushpin = "{\"items\":[{\"channel\":\"{topic:json}\",\"formats\":{\"http-stream\":"
                + "{\"content\":\"event: message\\ndata: {payload:json}\\n\\n\"}}}]}";
        assertThat(new String(PublishTemplate.parse(pushpin).expand("r1-t0", "pb1 r1-t0 1 x".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.UTF_8)).isEqualTo("{\"items\":[{\"channel\":\"r1-t0\",\"formats\":{\"http-stream\":"
                + "{\"content\":\"event: message\\ndata: pb1 r1-t0 1 x\\n\\n\"}}}]}");
    }

    @Test
    void base64EscapeIsStandardBase64WithPadding() {
        assertThat(expand("{payload:base64}", "t")).isEqualTo("cGIxIHQgInEiIFwgKyY9LyDDqQoJZW5k");
        assertThat(expand("{topic:base64}", "ab")).isEqualTo("YWI=");
    }

    @Test
    void formEscapeIsUrlEncodedFormWithPlusForSpace() {
        assertThat(expand("topic={topic:form}&data={payload:form}", "a b/c"))
                .isEqualTo("topic=a+b%2Fc&data=pb1+t+%22q%22+%5C+%2B%26%3D%2F+%C3%A9%0A%09end");
    }

    @Test
    void urlEscapePercentEncodesAllButUnreservedCharacters() {
        assertThat(expand("/pub/{topic:url}", "a b/é~")).isEqualTo("/pub/a%20b%2F%C3%A9~");
    }

    @Test
    void otherBracesAreLiteralAndPlaceholdersAreFound() {
        PublishTemplate t = PublishTemplate.parse("{x}{topicx}{payload:json}");
        assertThat(t.hasTopic()).isFalse();
        assertThat(t.hasPayload()).isTrue();
        assertThat(PublishTemplate.parse("{\"a\":{topic:json}}").hasTopic()).isTrue();
    }

    @Test
    void unknownEscapeIsRefusedByName() {
        assertThatThrownBy(() -> PublishTemplate.parse("{payload:xml}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown escape ':xml'");
    }
}
