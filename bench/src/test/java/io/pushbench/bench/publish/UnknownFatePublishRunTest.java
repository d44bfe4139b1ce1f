package io.pushbench.bench.publish;

import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.report.PublishFigures;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run against pushbench's server reached as an external target, with a publish proxy that reads one publish
 * of the window and closes the connection without answering, or answers it 504 Gateway Timeout (its upstream did not
 * answer): the publish has unknown fate; the run stays valid, and whether or not the server got it, nothing is counted
 * as missing against the server.
 */
class UnknownFatePublishRunTest {

    private static final int CLIENTS = 5;
    /** 10 msg/s, 1 s warm-up: seq 15 is scheduled at 1.4 s, in the window. */
    private static final long DROPPED_SEQ = 15;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "answered 504: {0}, the server got it: {1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void runStaysValidWhenAPublishHasUnknownFate(boolean answered504, boolean serverGotIt) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).build())) {
            int port = server.start().getPort();
            ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
            java.util.function.Predicate<ScriptedPublishServer.Request> theOne =
                    r -> r.target().startsWith("/publish/") && seqOf(r) == DROPPED_SEQ;
            if (answered504) {
                script.gatewayTimeout = theOne;
            } else {
                script.drop = theOne;
            }
            script.processDropped = serverGotIt;
            script.onRequest = r -> forward(http, port, r);
            try (ScriptedPublishServer proxy = new ScriptedPublishServer(script)) {
                StringWriter out = new StringWriter();
                CommandLine cl = PushbenchCommand.commandLine();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(out, true));
                int code = cl.execute("run", "--strategies=sse", "--clients=" + CLIENTS, "--rate=10", "--warmup=1s",
                        "--duration=2s", "--max-loader-stall=5s", "--max-publisher-lag=5s", "--no-post-run",
                        "--url-sse=http://127.0.0.1:" + port + "/sse/{topic}",
                        "--publish-url=" + proxy.url("/publish/{topic}"), "--out=" + dir.resolve("run"));

                assertThat(code).as(out.toString()).isZero();
                RunReport report = ReportJson.read(dir.resolve("run/report.json"));
                StrategyResult r = report.results().get(0);
                PublishFigures publish = r.publish();
                assertThat(r.validity().reasons()).isEmpty();
                assertThat(publish.fateUnknown()).isEqualTo(1);
                assertThat(publish.failed()).isZero();
                assertThat(publish.reconnects()).isEqualTo(answered504 ? 0 : 1);
                assertThat(publish.fateUnknownUndelivered()).isEqualTo(serverGotIt ? 0 : CLIENTS);
                assertThat(r.delivery().published()).isEqualTo(20);
                assertThat(r.delivery().delivered()).isEqualTo(serverGotIt ? 20 * CLIENTS : 19 * CLIENTS);
                assertThat(r.delivery().missing()).isZero();
                assertThat(out.toString()).contains("sse: 1 publish of unknown fate",
                        (serverGotIt ? 0 : CLIENTS) + " of their deliveries never arrived", "sse publish answers: 200 x ",
                        "; " + (answered504 ? 0 : 1) + " reconnects, 0 resent");
                if (answered504) {
                    assertThat(publish.statusCounts()).containsEntry(504, 1L);
                }
            }
        }
    }

    private static long seqOf(ScriptedPublishServer.Request r) {
        return Long.parseLong(r.bodyText().split(" ")[2]);
    }

    private static void forward(HttpClient http, int port, ScriptedPublishServer.Request r) {
        if (!r.target().startsWith("/publish/")) {
            return;
        }
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + r.target()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(r.body())).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
