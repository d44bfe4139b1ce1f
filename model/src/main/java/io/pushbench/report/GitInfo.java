package io.pushbench.report;

/**
 * The source the run was built from.
 *
 * @param commit the full commit id, or {@code null} when not run from a git working tree
 * @param dirty  {@code true} when the working tree had uncommitted changes (then the commit alone does not name the code)
 * @param branch the checked-out branch, or {@code null} when detached or unknown
 */
public record GitInfo(String commit, boolean dirty, String branch) {
}
