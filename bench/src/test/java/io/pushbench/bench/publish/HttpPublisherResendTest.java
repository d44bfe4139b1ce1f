package io.pushbench.bench.publish;

import io.pushbench.bench.workload.PublishTarget;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publish whose request was not wholly written when the server closed the connection is sent again on a new
 * connection: the server cannot have processed a request it did not receive whole.
 */
class HttpPublisherResendTest {

    /** Twice what the socket buffers can hold (the kernel's largest send + receive buffer), so the write is pending. */
    private static final int BODY_BYTES = (int) Math.min(Integer.MAX_VALUE - 64,
            2 * (largestBufferBytes("tcp_wmem") + largestBufferBytes("tcp_rmem")));

    private static long largestBufferBytes(String sysctl) {
        try {
            String[] v = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/" + sysctl)).trim().split("\\s+");
            return Long.parseLong(v[2]);
        } catch (java.io.IOException | RuntimeException e) {
            return 32 << 20;   // not Linux: a generous guess
        }
    }

    @Test
    void publishNotWhollyWrittenWhenTheServerClosedIsSentAgainOnANewConnection() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        script.closeAfterHead = connection -> connection == 0;   // reads the head, leaves the body unread, closes
        List<String> outcomes = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        PublishOutcome outcome = new PublishOutcome() {
            @Override
            public void accepted(PublishMessage m, int status, long serverSeq) {
                outcomes.add("accepted " + status);
                done.countDown();
            }

            @Override
            public void failed(PublishMessage m, int status, String reason) {
                outcomes.add("failed " + reason);
                done.countDown();
            }

            @Override
            public void fateUnknown(PublishMessage m, int status, String reason) {
                outcomes.add("unknown " + reason);
                done.countDown();
            }

            @Override
            public void reconnected() {
                outcomes.add("reconnected");
            }

            @Override
            public void resent(PublishMessage m) {
                outcomes.add("resent");
            }
        };
        byte[] payload = new byte[BODY_BYTES];
        Arrays.fill(payload, (byte) 'x');
        byte[] head = "pb1 t0 1 0 0 ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, payload, 0, head.length);
        try (ScriptedPublishServer server = new ScriptedPublishServer(script);
             HttpPublisher publisher = new HttpPublisher(new PublishTarget(server.url("/pub/{topic}"), null), outcome, 1,
                     "test-publisher")) {
            publisher.start();
            publisher.publish(new PublishMessage(0, "t0", 1, System.nanoTime(), payload));

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(outcomes).containsExactly("resent", "reconnected", "accepted 200");
            assertThat(server.requests()).as("read whole once, on the second connection").hasSize(1);
            assertThat(server.requests().get(0).body()).hasSize(BODY_BYTES);
            assertThat(server.connections()).isEqualTo(2);
        }
    }
}
