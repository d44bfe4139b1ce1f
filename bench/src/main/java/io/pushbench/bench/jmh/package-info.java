/**
 * JMH benchmarks: the cost of each push strategy measured part by part, from encoding one message up
 * to fan-out to thousands of clients over loopback.
 *
 * <p>Sub-packages by kind: {@code encode} (server side, one message to wire bytes), {@code decode}
 * (client side, wire bytes back to messages), {@code log} (the server's message log),
 * {@code fanout} (real server and real clients on loopback), {@code counters} (bytes and requests per
 * operation as JMH aux counters), {@code run} (profiles and the wrapper that writes
 * {@code results/<run-id>/jmh.json}).
 */
package io.pushbench.bench.jmh;
