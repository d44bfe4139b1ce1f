package io.pushbench.report;

/**
 * Memory per connection of a run with several processes ({@code pushbench run --loaders N}): the servers' and the
 * load generators' heap plus direct memory after a full GC, read with every client connected and subscribed (before
 * the first message) and before any client connected.
 *
 * @param serverProcesses       server processes (each its own JVM)
 * @param loaderProcesses       load generator shard processes
 * @param connections           client connections open at the reading (all shards)
 * @param serverBaselineBytes   heap used + direct used of all servers together, no client connected
 * @param serverWithBytes       the same with every client connected
 * @param serverBytesPerConnection (with − baseline) / connections
 * @param loaderBaselineBytes   heap used + direct used of all shard processes together, before their clients started
 * @param loaderWithBytes       the same with every client connected
 * @param loaderBytesPerConnection (with − baseline) / connections
 * @param method                how the readings were taken
 */
public record ScaleMemory(int serverProcesses, int loaderProcesses, long connections, long serverBaselineBytes,
                          long serverWithBytes, double serverBytesPerConnection, long loaderBaselineBytes,
                          long loaderWithBytes, double loaderBytesPerConnection, String method) {
}
