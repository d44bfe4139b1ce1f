/**
 * The {@code plot} command and the post-run step that draws a run's charts: thin command-line wrappers
 * over the {@code plots} module, which reads only result files.
 */
package io.pushbench.bench.plot;
