/**
 * Client-side decoding benchmarks: the cost of parsing the server's wire bytes back into messages with
 * the load generator's own parsers ({@code io.pushbench.bench.client}) and Netty's real decoders.
 */
package io.pushbench.bench.jmh.decode;
