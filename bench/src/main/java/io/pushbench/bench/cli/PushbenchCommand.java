package io.pushbench.bench.cli;

import io.pushbench.bench.jmh.run.JmhCommand;
import io.pushbench.bench.plot.PlotCommand;
import io.pushbench.server.ServerMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pushbench} command: one subcommand per verb. To add a verb, add its class to {@code subcommands} (or
 * one {@code addSubcommand} line in {@link #commandLine()}).
 */
@Command(name = "pushbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measures what server push costs: short polling, long polling, SSE and WebSocket.",
        subcommands = {
                RunCommand.class,
                JmhCommand.class,
                io.pushbench.compare.cli.CompareCommand.class,
                io.pushbench.compare.cli.HistoryCommand.class,
                PlotCommand.class,
                MergeCommand.class,
                io.pushbench.bench.claims.ClaimsCommand.class,
                CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a check failed (e.g. a regression)", "2:bad input or usage",
                "3:invalid run (loss, publisher behind schedule, loader stalled)"})
public final class PushbenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** The command line with every subcommand; usage errors print the message and a hint, and exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PushbenchCommand());
        // the standalone server's own command, under the name "serve" (its usage then says "pushbench serve")
        cl.addSubcommand("serve", new CommandLine(new ServerMain()).setCommandName("serve"));
        cl.setParameterExceptionHandler(PushbenchCommand::usageError);
        return cl;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        io.pushbench.server.LeakDetection.offUnlessAsked();   // the loader's and an embedded server's buffers
        System.exit(commandLine().execute(args));
    }
}
