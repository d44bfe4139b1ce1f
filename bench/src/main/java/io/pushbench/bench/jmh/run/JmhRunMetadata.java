package io.pushbench.bench.jmh.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pushbench.report.Environment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The provenance of a JMH run, written as {@code run-metadata.json} beside {@code jmh.json}: the same
 * environment record (commit, host, JVM) a load report carries, so {@code compare}, {@code history} and
 * {@code plot} can place and compare JMH runs like load runs.
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION} when written
 * @param kind            always {@code "jmh"}
 * @param runId           the run folder name, e.g. {@code 20261125T174500Z-3f2a}
 * @param startTimeUtc    when the run started, ISO-8601 UTC
 * @param command         the command line as given (after {@code pushbench jmh})
 * @param profile         {@code quick}, {@code full} or {@code heavy}
 * @param includes        the benchmark regexes run
 * @param params          the {@code @Param} overrides given on the command line (profile values excluded)
 * @param resultFile      the JMH JSON file name beside this one
 * @param environment     commit, host, JVM and Netty transport of the wrapper (the forks run the same JVM)
 */
public record JmhRunMetadata(int schemaVersion, String kind, String runId, String startTimeUtc, List<String> command,
                             String profile, List<String> includes, Map<String, String> params, String resultFile,
                             Environment environment) {

    /** The version of this file's layout. */
    public static final int SCHEMA_VERSION = 1;
    /** The file name in a run folder. */
    public static final String FILE_NAME = "run-metadata.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes this record to {@code folder/run-metadata.json}. */
    public void writeTo(Path folder) throws IOException {
        MAPPER.writeValue(folder.resolve(FILE_NAME).toFile(), this);
    }
}
