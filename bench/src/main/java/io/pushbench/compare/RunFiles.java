package io.pushbench.compare;

import io.pushbench.compare.jmh.JmhRunReader;
import io.pushbench.compare.load.LoadRunReader;
import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.ReportJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and reads a run given as a file, a run folder, or a run id under {@code results/}.
 *
 * <p>A folder is read through its {@code report.json} (a load run) or, when it has none, its
 * {@code jmh.json}. A file is a load report when its JSON starts with an object and JMH's result when
 * it starts with an array.
 */
public final class RunFiles {

    /** Where runs are written by default; a bare run id is looked up here. */
    public static final Path RESULTS = Path.of("results");

    private RunFiles() {
    }

    /**
     * Reads the run at {@code given}.
     *
     * @throws ReportFormatException with a precise message when nothing readable is there
     */
    public static MeasuredRun load(Path given) throws ReportFormatException {
        Path path = resolve(given);
        if (Files.isDirectory(path)) {
            Path report = path.resolve(ReportJson.FILE_NAME);
            if (Files.isRegularFile(report)) {
                return LoadRunReader.read(report);
            }
            Path jmh = path.resolve(JmhRunReader.FILE_NAME);
            if (Files.isRegularFile(jmh)) {
                return JmhRunReader.read(jmh);
            }
            throw new ReportFormatException(path + ": a folder without " + ReportJson.FILE_NAME + " or "
                    + JmhRunReader.FILE_NAME);
        }
        return startsWithArray(path) ? JmhRunReader.read(path) : LoadRunReader.read(path);
    }

    /** {@code given} itself when it exists, else {@code results/<given>} when that exists, else {@code given}. */
    static Path resolve(Path given) {
        if (Files.exists(given)) {
            return given;
        }
        Path underResults = RESULTS.resolve(given);
        return Files.exists(underResults) ? underResults : given;
    }

    private static boolean startsWithArray(Path file) throws ReportFormatException {
        if (!Files.isRegularFile(file)) {
            throw new ReportFormatException("no such file or run folder: " + file
                    + (file.isAbsolute() ? "" : " (nor " + RESULTS.resolve(file) + ")"));
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = in.read();
            } while (c != -1 && Character.isWhitespace(c));
            if (c == -1) {
                throw new ReportFormatException(file + ": empty file");
            }
            return c == '[';
        } catch (IOException e) {
            if (e instanceof ReportFormatException rfe) {
                throw rfe;
            }
            throw new ReportFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
