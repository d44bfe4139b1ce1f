package io.pushbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Bad broker options of {@code pushbench run} end before anything starts, with exit code 2 and a message naming what
 * is wrong: an unknown scheme, an unreachable broker (connected to with the server's own client), a payload NOTIFY
 * cannot carry, instances without a broker, a fault the setup cannot take.
 */
class BrokerOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--broker=kafka://127.0.0.1:9092 --instances=2                    | unknown broker scheme 'kafka'",
            "--broker=redis://127.0.0.1:1 --instances=2                       | cannot reach the broker redis://127.0.0.1:1",
            "--broker=redis-streams://127.0.0.1:1                             | cannot reach the broker redis-streams://127.0.0.1:1",
            "--broker=postgresql://127.0.0.1:1/test --instances=2             | cannot reach the broker postgresql://127.0.0.1:1/test",
            "--broker=postgresql://127.0.0.1:5432/test?user=postgres --payload=8000 | shorter than 8000 bytes",
            "--instances=3                                                    | needs a --broker",
            "--instances=0 --broker=redis://127.0.0.1:6379                    | --instances must be at least 1",
            "--broker=redis://127.0.0.1:6379 --publish-to=some                | invalid --publish-to 'some'",
            "--broker=redis://127.0.0.1:6379 --fault=broker-nap@1s            | invalid --fault 'broker-nap@1s'",
            "--broker=redis://127.0.0.1:6379 --fault=broker-pause@1s          | a pause needs its length",
            "--broker=redis://127.0.0.1:6379 --fault=instance-kill@1s         | needs --instances 2 or more",
    })
    void badBrokerOptionsExitTwoNamingTheProblem(String flags, String message) {
        StringWriter err = new StringWriter();
        CommandLine cl = PushbenchCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = ("run --server=fork --strategies=ws --no-post-run " + flags.trim()).split(" ");
        assertThat(cl.execute(args)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }
}
