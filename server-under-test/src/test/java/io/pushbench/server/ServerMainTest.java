package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import org.junit.jupiter.api.Test;

/** The command line: --help lists every option with its default; bad flags exit 2 with a precise message. */
class ServerMainTest {

    @Test
    void helpListsEveryOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cli = ServerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        for (Field f : ServerOptions.class.getDeclaredFields()) {
            Option option = f.getAnnotation(Option.class);
            if (option != null) {
                assertThat(out.toString()).contains(option.names()[0]);
            }
        }
        assertThat(out.toString()).contains("Default: 127.0.0.1").contains("Default: 8080").contains("Default: 30s")
                .contains("Default: 5m").contains("Default: 10s");
    }

    @Test
    void badFlagsExitTwoWithAPreciseMessage() {
        assertThat(run("--port", "http")).isEqualTo(2);
        assertThat(lastErr).contains("--port").contains("http");
        assertThat(run("--long-poll-hold", "5 minutes")).isEqualTo(2);
        assertThat(lastErr).contains("is not a duration");
        assertThat(run("--bind", "0.0.0.0", "--port", "0")).isEqualTo(2);
        assertThat(lastErr).contains("without a publish token");
        assertThat(run("--write-buffer-low", "100", "--write-buffer-high", "10")).isEqualTo(2);
        assertThat(lastErr).contains("water marks");
        assertThat(run("--write-delay", "5s")).isEqualTo(2);
        assertThat(lastErr).contains("write delay").contains("1000 ms");
        assertThat(run("--no-such-flag")).isEqualTo(2);
        assertThat(lastErr).contains("--no-such-flag").contains("--help");
    }

    @Test
    void aBrokerOfUnknownSchemeOrUnreachableExitsTwoNamingIt() {
        assertThat(run("--port", "0", "--broker", "kafka://127.0.0.1:9092")).isEqualTo(2);
        assertThat(lastErr).contains("unknown broker scheme 'kafka'").contains("redis://HOST:PORT");
        assertThat(run("--port", "0", "--broker", "redis://127.0.0.1")).isEqualTo(2);
        assertThat(lastErr).contains("needs a host and a port");
        assertThat(run("--port", "0", "--broker", "postgresql://127.0.0.1:5432")).isEqualTo(2);
        assertThat(lastErr).contains("names its database");
        // port 1 on loopback: nothing listens there, the connection is refused at once
        assertThat(run("--port", "0", "--broker", "redis://127.0.0.1:1")).isEqualTo(2);
        assertThat(lastErr).contains("cannot reach the broker redis://127.0.0.1:1");
        assertThat(run("--port", "0", "--broker", "redis-streams://127.0.0.1:1")).isEqualTo(2);
        assertThat(lastErr).contains("cannot reach the broker redis-streams://127.0.0.1:1");
        assertThat(run("--port", "0", "--broker", "postgresql://127.0.0.1:1/test")).isEqualTo(2);
        assertThat(lastErr).contains("cannot reach the broker postgresql://127.0.0.1:1/test");
    }

    @Test
    void optionsBuildTheConfigTheyDescribe() {
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs("--port", "0", "--long-poll-hold", "300ms", "--ws-deflate", "--retention-age", "0");
        PushServerConfig config = options.toConfig();
        assertThat(config.port()).isZero();
        assertThat(config.longPollHold().toMillis()).isEqualTo(300);
        assertThat(config.wsDeflate()).isTrue();
        assertThat(config.retentionAge().isZero()).isTrue();
    }

    private String lastErr;

    private int run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = ServerMain.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        lastErr = err.toString();
        return code;
    }
}
