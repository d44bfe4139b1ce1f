package io.pushbench.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** NOTIFY carries fewer than 8,000 bytes of text: a publish it cannot carry is refused (413) naming the limit. */
class PostgresNotifyLimitTest {

    @Test
    void aPayloadNotifyCannotCarryIsRefusedNamingTheLimitAndTheLargestThatFitsGoesThrough() throws Exception {
        int largest = PostgresNotifyBroker.maxPayloadBytes("room");
        assertThat(largest).isEqualTo(8000 - 1 - (19 + 1 + 19 + 1 + 4 + 1));
        try (BrokerInstances instances = new BrokerInstances(BrokerInstances.POSTGRES, 1)) {
            HttpResponse<String> tooLarge = instances.publish(0, "room", "x".repeat(largest + 1));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("exceeds PostgreSQL NOTIFY's 8000-byte limit")
                    .contains("at most " + largest + " payload bytes");

            HttpResponse<String> fits = instances.publish(0, "room", "x".repeat(largest));
            assertThat(fits.statusCode()).isEqualTo(200);
            assertThat(fits.body().trim()).isEqualTo("1");

            HttpRequest binary = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + instances.get(0).address().getPort() + "/publish/room"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'a', 0, 'b'})).build();
            HttpResponse<String> notText = HttpClient.newHttpClient().send(binary, HttpResponse.BodyHandlers.ofString());
            assertThat(notText.statusCode()).isEqualTo(413);
            assertThat(notText.body()).contains("NOTIFY payload is text");
            assertThat(instances.get(0).brokerMetrics().publishFailed()).isEqualTo(2);
        }
    }
}
