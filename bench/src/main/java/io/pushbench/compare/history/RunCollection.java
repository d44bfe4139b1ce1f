package io.pushbench.compare.history;

import io.pushbench.compare.jmh.JmhRunReader;
import io.pushbench.compare.load.LoadRunReader;
import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every run under a folder, in history order: the runs of one commit together, commits in the order
 * of their first run, and runs by start time within a commit (without git at hand, time is the best
 * witness of commit order). Files that cannot be read are kept aside with the reason.
 *
 * @param runs the runs read, in history order
 * @param skipped one line per file not read: its path and why
 */
public record RunCollection(List<MeasuredRun> runs, List<String> skipped) {

    /** How deep under the folder run files are looked for: {@code results/<run>/report.json} is depth 2. */
    static final int MAX_DEPTH = 3;

    public RunCollection {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
    }

    /**
     * Reads every {@code report.json} and {@code jmh.json} under {@code folder}.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static RunCollection under(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().equals(ReportJson.FILE_NAME)
                            || p.getFileName().toString().equals(JmhRunReader.FILE_NAME))
                    .sorted().toList();
        }
        List<MeasuredRun> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                runs.add(file.getFileName().toString().equals(ReportJson.FILE_NAME) ? LoadRunReader.read(file)
                        : JmhRunReader.read(file));
            } catch (ReportFormatException e) {
                skipped.add(e.getMessage());
            }
        }
        return new RunCollection(historyOrder(runs), skipped);
    }

    /** Sorts by start time (unknown last, then by run id), then groups runs of one commit at its first run. */
    static List<MeasuredRun> historyOrder(List<MeasuredRun> runs) {
        List<MeasuredRun> byTime = new ArrayList<>(runs);
        byTime.sort(Comparator.comparing((MeasuredRun r) -> r.info().startTime(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.info().runId(), Comparator.nullsLast(Comparator.naturalOrder())));
        Map<String, List<MeasuredRun>> byCommit = new LinkedHashMap<>();
        int unknown = 0;
        for (MeasuredRun r : byTime) {
            String commit = r.info().commit() != null ? r.info().commit() : "unknown-" + unknown++;
            byCommit.computeIfAbsent(commit, c -> new ArrayList<>()).add(r);
        }
        return byCommit.values().stream().flatMap(List::stream).toList();
    }
}
