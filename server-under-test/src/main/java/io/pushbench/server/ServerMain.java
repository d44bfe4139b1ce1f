package io.pushbench.server;

import io.pushbench.model.Strategy;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The standalone server: {@code java -jar server-under-test.jar --port 8080}. Prints one line with its
 * address, transport and strategies, then serves until stopped (Ctrl-C). Exit codes: 0 stopped normally,
 * 1 could not start (e.g. port in use), 2 bad options or an unreachable broker.
 */
@Command(name = "server-under-test", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Serves short polling, long polling, SSE and WebSocket from one message log (see docs/server.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:could not start (e.g. the port is in use)",
                "2:bad options, or the broker (--broker) cannot be reached"})
public final class ServerMain implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PushServerConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PushServer server = new PushServer(config);
        InetSocketAddress address;
        try {
            address = server.start();
        } catch (BrokerStartException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            server.close();
            return 2;      // a broker URL that leads nowhere is bad input, like an unknown scheme
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            server.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pushbench-shutdown"));
        System.out.println(startupLine(address, server.transport()));
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The one line printed at start: address, transport, strategies. */
    static String startupLine(InetSocketAddress address, String transport) {
        String host = address.getAddress().getHostAddress();
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "pushbench server listening on http://" + hostPart + ":" + address.getPort()
                + " transport=" + transport + " strategies=" + String.join(",", labels());
    }

    private static String[] labels() {
        Strategy[] all = Strategy.values();
        String[] labels = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            labels[i] = all[i].label();
        }
        return labels;
    }

    /** The command line, with usage errors reported in two lines (what is wrong, where help is) and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ServerMain());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("error: " + e.getMessage());
            c.getErr().println("Run '" + c.getCommandName() + " --help' for the options and their defaults.");
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    public static void main(String[] args) {
        LeakDetection.offUnlessAsked();
        System.exit(commandLine().execute(args));
    }
}
