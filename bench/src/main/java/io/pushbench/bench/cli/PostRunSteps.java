package io.pushbench.bench.cli;

import io.pushbench.bench.plot.RunChartsStep;
import io.pushbench.bench.run.PostRunStep;

import java.util.List;

/**
 * The steps {@code pushbench run} takes after writing its report, in order (skipped with {@code --no-post-run}).
 * Add a step with one line here, e.g. the charts of the run.
 */
final class PostRunSteps {

    private PostRunSteps() {
    }

    static List<PostRunStep> steps() {
        return List.of(new RunChartsStep());
    }
}
