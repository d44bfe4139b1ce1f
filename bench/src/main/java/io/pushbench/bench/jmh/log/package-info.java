/**
 * Message log benchmarks: the server's {@code MessageLog} without any network, publishing and being
 * read by many subscriber cursors, so a change in the log shows apart from the sockets.
 */
package io.pushbench.bench.jmh.log;
