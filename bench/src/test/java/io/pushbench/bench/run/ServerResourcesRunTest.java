package io.pushbench.bench.run;

import com.sun.net.httpserver.HttpServer;
import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.run.servers.ExternalServerTarget;
import io.pushbench.bench.run.servers.OpenMetricsResources;
import io.pushbench.bench.run.servers.ProcessTreeResources;
import io.pushbench.bench.run.servers.ServerResources;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server CPU and memory of an external server, from outside: {@code /proc} of a process on this host (with its
 * descendants), or its Prometheus text endpoint. The "server" is a real process: this JVM (which runs the foreign
 * server), or a shell whose busy child does the work.
 */
class ServerResourcesRunTest {

    @Test
    void serverPidGivesServerCpuPerDeliveryAndSaysWhereItCameFrom(@TempDir Path dir) throws Exception {
        long pid = ProcessHandle.current().pid();
        try (ForeignLinesServer server = new ForeignLinesServer(true)) {
            StrategyResult r = pollRun(server, dir, ProcessTreeResources.of(pid));

            assertThat(r.cpu().serverMethod()).isEqualTo("proc:utime+stime pid " + pid + " and descendants");
            assertThat(r.cpu().serverCpuMicros()).isPositive();
            assertThat(r.cpu().serverCpuMicrosPerDelivery()).isPositive();
            assertThat(r.memory().method()).isEqualTo("proc:VmRSS pid " + pid + " and descendants");
            assertThat(r.memory().heapBaselineBytes()).as("RSS without the clients").isPositive();
        }
    }

    @Test
    void processTreeCpuIncludesDescendantsLikeNginxWorkers() throws Exception {
        // the shell does nothing itself; its child (a worker) burns CPU
        Process shell = new ProcessBuilder("sh", "-c", "yes > /dev/null & wait").start();
        try {
            ProcessTreeResources tree = ProcessTreeResources.of(shell.pid());
            long before = tree.cpuNanos();
            Thread.sleep(600);
            long treeNanos = tree.cpuNanos() - before;
            String stat = Files.readString(Path.of("/proc", Long.toString(shell.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long shellOnlyNanos = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;

            assertThat(treeNanos).as("the busy child's CPU").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(shellOnlyNanos).as("the shell alone").isLessThan(treeNanos);
            assertThat(tree.residentBytes()).isPositive();
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void pidThatIsNotRunningIsRefusedNamingIt() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> ProcessTreeResources.of(done.pid())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--server-pid " + done.pid() + ": no such process is running on this host");
    }

    @Test
    void metricsUrlGivesServerCpuAndMemoryFromPrometheusText(@TempDir Path dir) throws Exception {
        HttpServer metrics = prometheusOfThisJvm();
        String url = "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics";
        try (ForeignLinesServer server = new ForeignLinesServer(true)) {
            StrategyResult r = pollRun(server, dir, OpenMetricsResources.of(url));

            assertThat(r.cpu().serverMethod()).isEqualTo("openmetrics:process_cpu_seconds_total " + url);
            assertThat(r.cpu().serverCpuMicros()).isPositive();
            assertThat(r.memory().method()).isEqualTo("openmetrics:process_resident_memory_bytes " + url);
            assertThat(r.memory().heapBaselineBytes()).isPositive();
        } finally {
            metrics.stop(0);
        }
    }

    @Test
    void metricsUrlThatIsNotOpenMetricsIsRefusedNamingWhatItGot() throws Exception {
        HttpServer html = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        html.createContext("/", exchange -> {
            byte[] body = "<html><body>status page</body></html>\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        html.start();
        String url = "http://127.0.0.1:" + html.getAddress().getPort() + "/status";
        try {
            assertThatThrownBy(() -> OpenMetricsResources.of(url)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--server-metrics-url " + url + ": not a Prometheus/OpenMetrics text with "
                            + "process_cpu_seconds_total and process_resident_memory_bytes: answered 200, text/html, "
                            + "first line '<html><body>status page</body></html>'");
        } finally {
            html.stop(0);
        }
    }

    /** A real endpoint: this JVM's own CPU time and RSS in Prometheus text format, as a client library writes them. */
    private static HttpServer prometheusOfThisJvm() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        http.createContext("/metrics", exchange -> {
            long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long rssKib = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.substring(6).trim().split("\\s+")[0])).sum();
            byte[] body = String.format(Locale.ROOT, "# HELP process_cpu_seconds_total Total user and system CPU time.\n"
                    + "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total %.3f\n"
                    + "# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes %d\n",
                    cpuNanos / 1e9, rssKib * 1024).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return http;
    }

    private static StrategyResult pollRun(ForeignLinesServer server, Path dir, ServerResources resources) throws Exception {
        WorkloadParameters w = SmallRuns.workload(5, TopicMode.SINGLE, 5, Arrivals.FIXED, Duration.ofMillis(200),
                Duration.ofSeconds(2));
        ExternalServerTarget target = new ExternalServerTarget(
                Map.of(Strategy.SHORT_POLLING, server.base() + "/poll/{topic}?after={seq}"),
                new PublishTarget(server.base() + "/publish/{topic}", null), PollBodyFormat.LINES).withResources(resources);
        LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.SHORT_POLLING), w), target, null, dir,
                dir.resolve("run"), List.of("test"), RunProgress.NONE).execute();
        return outcome.report().results().get(0);
    }
}
