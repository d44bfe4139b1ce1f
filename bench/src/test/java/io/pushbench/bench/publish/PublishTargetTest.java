package io.pushbench.bench.publish;

import io.pushbench.bench.workload.PublishTarget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheme of the publish URL picks the publisher; each kind's URL is parsed into its parts. */
class PublishTargetTest {

    @Test
    void httpUrlIsARawPostByDefault() {
        PublishTarget t = PublishTarget.parse("http://127.0.0.1:8080/pub?id={topic}", null, null, List.of(), "tok");
        assertThat(t.kind()).isEqualTo(PublishTarget.Kind.HTTP);
        assertThat(t.method()).isEqualTo("POST");
        assertThat(t.body()).isNull();
        assertThat(t.target().expandToString("t0", new byte[0])).isEqualTo("/pub?id=t0");
        assertThat(t.hostHeader()).isEqualTo("127.0.0.1:8080");
        assertThat(t.bearerToken()).isEqualTo("tok");
        assertThat(PublishTarget.parse("http://h?id={topic}", null, null, List.of(), null).target()
                .expandToString("t0", new byte[0])).isEqualTo("/?id=t0");
    }

    @Test
    void topicMayBeInTheBodyOnly() {
        PublishTarget t = PublishTarget.parse("http://localhost:5561/publish/", "put",
                "{\"items\":[{\"channel\":\"{topic:json}\",\"data\":\"{payload:json}\"}]}", List.of("X-Api-Key: k:1"), null);
        assertThat(t.method()).isEqualTo("PUT");
        assertThat(t.headers()).containsExactly(new PublishTarget.Header("X-Api-Key", "k:1"));
    }

    @Test
    void redisUrlPathIsTheChannelTemplateDefaultingToTheTopic() {
        PublishTarget t = PublishTarget.parse("redis://127.0.0.1/", null, null, List.of(), null);
        assertThat(t.kind()).isEqualTo(PublishTarget.Kind.REDIS);
        assertThat(t.port()).isEqualTo(6379);
        assertThat(t.target().expandToString("r1-t0", new byte[0])).isEqualTo("r1-t0");
        PublishTarget prefixed = PublishTarget.parse("redis://:secret@h:7000/chat:{topic}", null, null, List.of(), null);
        assertThat(prefixed.target().expandToString("t0", new byte[0])).isEqualTo("chat:t0");
        assertThat(prefixed.userInfo()).isEqualTo(":secret");
    }

    @Test
    void postgresUrlBecomesAJdbcUrlAndAChannel() {
        PublishTarget t = PublishTarget.parse("postgresql://127.0.0.1:5432/test?user=postgres&channel=pb_{topic}",
                null, null, List.of(), null);
        assertThat(t.kind()).isEqualTo(PublishTarget.Kind.POSTGRES);
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(t.target().expandToString("t0", new byte[0])).isEqualTo("pb_t0");
        assertThat(PublishTarget.parse("postgresql://u:p@db/x", null, null, List.of(), null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/x?user=u&password=p");
    }

    @Test
    void templateWithoutTopicAnywhereIsRefused() {
        assertThatThrownBy(() -> PublishTarget.parse("http://h/pub", null, "{payload}", List.of(), null))
                .hasMessageContaining("no {topic} placeholder");
        assertThatThrownBy(() -> PublishTarget.parse("redis://h/chat", null, null, List.of(), null))
                .hasMessageContaining("channel template 'chat'").hasMessageContaining("no {topic} placeholder");
        assertThatThrownBy(() -> PublishTarget.parse("postgresql://h/test?channel=all", null, null, List.of(), null))
                .hasMessageContaining("no {topic} placeholder");
    }

    @Test
    void badPublishOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PublishTarget.parse("amqp://h/{topic}", null, null, List.of(), null))
                .hasMessageContaining("scheme 'amqp' is not supported");
        assertThatThrownBy(() -> PublishTarget.parse("redis://h/{topic}", null, "{payload}", List.of(), null))
                .hasMessageContaining("apply to http:// publish URLs only");
        assertThatThrownBy(() -> PublishTarget.parse("http://h/{topic}", null, null, List.of("NoColon"), null))
                .hasMessageContaining("'NoColon' is not 'Name: value'");
        assertThatThrownBy(() -> PublishTarget.parse("http://h/{topic}", null, "{\"x\":1}", List.of(), null))
                .hasMessageContaining("no {payload} placeholder");
    }
}
