import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Gatling's side of bench/scripts/gatling-compare.sh: CLIENTS users each open one WebSocket or SSE connection to one
 * pushbench topic and hold it, receiving every broadcast without checks (Gatling's cheapest way to receive), for
 * HOLD seconds. A pause before the first connection leaves time to read the JVM's heap without connections.
 * Settings from system properties: pb.base (http://host:port), pb.kind (ws|sse), pb.topic, pb.clients, pb.rampSec,
 * pb.idleBeforeSec, pb.holdSec.
 */
public class PushSimulation extends Simulation {

    private static final String BASE = System.getProperty("pb.base");
    private static final String KIND = System.getProperty("pb.kind");
    private static final String TOPIC = System.getProperty("pb.topic");
    private static final int CLIENTS = Integer.getInteger("pb.clients");
    private static final int RAMP_SEC = Integer.getInteger("pb.rampSec");
    private static final int IDLE_BEFORE_SEC = Integer.getInteger("pb.idleBeforeSec");
    private static final int HOLD_SEC = Integer.getInteger("pb.holdSec");

    private final ChainBuilder connect = KIND.equals("ws")
            ? exec(ws("connect").connect("/ws/" + TOPIC))
            : exec(sse("connect").get("/sse/" + TOPIC));

    {
        setUp(scenario(KIND).exec(connect).pause(Duration.ofSeconds(HOLD_SEC))
                .injectOpen(nothingFor(Duration.ofSeconds(IDLE_BEFORE_SEC)),
                        rampUsers(CLIENTS).during(Duration.ofSeconds(RAMP_SEC))))
                .protocols(http.baseUrl(BASE).wsBaseUrl(BASE.replace("http://", "ws://")));
    }
}
