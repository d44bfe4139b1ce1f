/**
 * Server-side encoding benchmarks: the cost of turning one message into the bytes each strategy puts
 * on the wire, using the server's own encoders and Netty's real codecs on an {@code EmbeddedChannel}.
 */
package io.pushbench.bench.jmh.encode;
