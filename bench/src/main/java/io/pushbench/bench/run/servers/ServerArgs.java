package io.pushbench.bench.run.servers;

import io.pushbench.bench.workload.DurationText;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.server.PushServerConfig;
import io.pushbench.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's command-line arguments for one strategy run: what the workload requires (a free port, the long-poll
 * hold, room for every client) followed by the user's own {@code --server-arg}s, which win. The same list starts an
 * embedded server (parsed here with the server's {@link ServerOptions}) and a forked one (passed on its command line).
 */
public final class ServerArgs {

    /** Connections the server allows beyond the clients (the publisher's, metrics reads). */
    static final int SPARE_CONNECTIONS = 64;

    private ServerArgs() {
    }

    /** A picocli holder for the server's options mixin. */
    @Command(name = "server")
    static final class Holder {
        @Mixin
        ServerOptions options;
    }

    /** The arguments for a run of {@code workload}, then {@code userArgs}. */
    public static List<String> forRun(WorkloadParameters workload, boolean wsDeflate, List<String> userArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--port=0",
                "--long-poll-hold=" + DurationText.format(workload.longPollHold()),
                "--max-connections=" + Math.max(io.pushbench.server.Defaults.MAX_CONNECTIONS,
                        workload.clients() + SPARE_CONNECTIONS),
                "--max-topics=" + Math.max(io.pushbench.server.Defaults.MAX_TOPICS, workload.topicCount() + 1)));
        if (wsDeflate) {
            args.add("--ws-deflate");
        }
        args.addAll(userArgs);
        return args;
    }

    /**
     * Parses server arguments into a config.
     *
     * @throws IllegalArgumentException naming the bad argument
     */
    public static PushServerConfig toConfig(List<String> args) {
        Holder holder = new Holder();
        CommandLine cl = new CommandLine(holder).setOverwrittenOptionsAllowed(true);
        try {
            cl.parseArgs(args.toArray(new String[0]));
            return holder.options.toConfig();
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("bad server argument: " + e.getMessage(), e);
        }
    }

    /** Name → value of the arguments, later ones winning, for the report. */
    public static Map<String, String> asMap(List<String> args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String a : args) {
            String name = a.replaceFirst("^--", "");
            int eq = name.indexOf('=');
            if (eq < 0) {
                map.put(name, "true");
            } else {
                map.put(name.substring(0, eq), name.substring(eq + 1));
            }
        }
        return map;
    }
}
