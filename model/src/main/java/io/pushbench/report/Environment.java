package io.pushbench.report;

/**
 * Where a run ran: what {@code compare} checks before it compares two runs.
 *
 * @param git            the commit of the working tree the run was built from
 * @param host           the machine
 * @param jvm            the JVM of the load generator (and of the embedded server)
 * @param nettyTransport the Netty transport the clients used: {@code epoll}, {@code nio}, ...
 * @param clock          how delivery latency relates client and publisher clocks
 */
public record Environment(GitInfo git, HostInfo host, JvmInfo jvm, String nettyTransport, ClockInfo clock) {
}
