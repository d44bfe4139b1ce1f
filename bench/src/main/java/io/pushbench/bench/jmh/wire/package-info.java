/**
 * The server's wire output, reproduced without sockets: {@link io.pushbench.bench.jmh.wire.ServerEncoding}
 * writes one message the way each strategy's server handler does, through Netty's real encoders on an
 * {@link io.pushbench.bench.jmh.wire.EmbeddedWire}; {@link io.pushbench.bench.jmh.wire.WireRecording}
 * keeps those bytes so the decode benchmarks parse exactly what the encode benchmarks produce.
 */
package io.pushbench.bench.jmh.wire;
