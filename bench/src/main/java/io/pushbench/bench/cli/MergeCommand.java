package io.pushbench.bench.cli;

import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.shard.ShardMerger;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.ShardSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pushbench merge SHARD_FOLDER…}: one report from the reports of a sharded run's shards. */
@Command(name = "merge", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Merges the run folders of the shards of one sharded run (pushbench run --shard K/N) into one "
                + "report: histograms added losslessly, counts summed, validity judged on the sums (the clients' bytes "
                + "and requests must equal the server's exactly), each shard's figures kept under sharding.shards.",
                "plot and compare read the merged report like any other."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged, valid", "2:bad input (a folder missing, shards of different workloads, commits or "
                + "starts, a shard missing or given twice, not exactly one publishing shard)", "3:merged, invalid"})
public final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHARD_FOLDER", arity = "1..*", description = "The shards' run folders (each with report.json).")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "FOLDER", description = "Where the merged report.json goes. Default: results/<run-id>/.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String runId = LoadRun.newRunId(Instant.now());
        RunReport merged;
        try {
            merged = ShardMerger.merge(folders, runId);
        } catch (ShardMerger.MergeRefusedException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot merge: " + e.getMessage(), e);
        }
        Path folder = out != null ? out : Path.of(Defaults.RESULTS_FOLDER, runId);
        Files.createDirectories(folder);
        Path file = folder.resolve(ReportJson.FILE_NAME);
        ReportJson.write(merged, file);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(SummaryTable.render(merged));
        stdout.println();
        stdout.println("shard  clients  publishes  delivered / expected      p50      p99  stall p99.9  clock vs publisher  valid");
        for (ShardSummary s : merged.sharding().shards()) {
            stdout.printf(Locale.ROOT, "%5d  %,7d  %-9s  %,9d / %,9d  %7.2fms %7.2fms  %9.1fms  %s  %s%n", s.index(), s.clients(),
                    s.publishes() ? "yes" : "no", s.delivered(), s.expectedDeliveries(), s.p50Micros() / 1000.0,
                    s.p99Micros() / 1000.0, s.loaderStallP999Micros() / 1000.0,
                    s.clockOffsetVsPublisherMicros() == null ? "      n/a         "
                            : String.format(Locale.ROOT, "%+8.0f ± %5.0f µs", s.clockOffsetVsPublisherMicros(), s.clockUncertaintyMicros()),
                    s.validity().verdict().label());
        }
        printVerdict(merged, stdout);
        stdout.println("report written to " + file.toAbsolutePath().normalize());
        stdout.flush();
        return merged.validity().valid() ? 0 : LoadRun.EXIT_INVALID;
    }

    /** The exact count check's sums and the run's verdict with its reasons. */
    static void printVerdict(RunReport merged, PrintWriter stdout) {
        io.pushbench.report.ExactCounts c = merged.sharding().counts();
        stdout.printf(Locale.ROOT, "exact counts, %d shards summed: clients wrote %,d B, read %,d B, sent %,d requests; "
                        + "server read %s B, wrote %s B, counted %s requests%n", merged.sharding().shardCount(),
                c.clientUpBytes(), c.clientDownBytes(), c.clientRequests(), text(c.serverReadBytes()),
                text(c.serverWrittenBytes()), text(c.serverRequests()));
        if (!merged.validity().valid()) {
            stdout.println(merged.validity().verdict().label().toUpperCase(Locale.ROOT) + " RUN:");
            merged.validity().reasons().forEach(r -> stdout.println("  - " + r));
        }
    }

    private static String text(Long v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%,d", v);
    }
}
