package io.pushbench.bench.run;

import io.pushbench.report.RunReport;

import java.nio.file.Path;

/**
 * Something to do after a run's report is written, e.g. render its charts. Steps run in order; a step that fails
 * is reported and does not change the run's exit code.
 */
@FunctionalInterface
public interface PostRunStep {

    /**
     * @param report     the report just written
     * @param runFolder  the run's folder ({@code report.json} and the {@code .hlog} files are in it)
     * @param out        where to print what the step wrote (one line per file or folder)
     */
    void afterRun(RunReport report, Path runFolder, java.io.PrintWriter out) throws Exception;
}
