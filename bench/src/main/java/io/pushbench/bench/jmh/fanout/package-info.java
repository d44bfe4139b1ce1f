/**
 * End-to-end fan-out over loopback: the real server and the load generator's real clients in one JVM,
 * one operation = publish one message and wait until every client has it.
 */
package io.pushbench.bench.jmh.fanout;
