/**
 * Linux network namespaces for runs that need their own network: a namespace per role ({@link NetworkNamespace}),
 * veth pairs with addresses between namespaces ({@link VethPair}), {@code tc netem} where the kernel has it
 * ({@link Netem}), and forked processes run inside a namespace ({@link NetworkNamespace#processBuilder}). Everything
 * goes through the {@code ip} and {@code tc} tools ({@link IpTool}); it needs root. Whatever is created is removed
 * by {@code close()}, and a creation that fails half-way removes what it made before throwing.
 *
 * <p>Typical use:
 * <pre>{@code
 * IpTool.requireUsable();                                   // NetnsUnavailableException: no root, no ip
 * try (NetworkNamespace server = NetworkNamespace.create("pb-server");
 *      VethPair link = VethPair.create(NetworkNamespace.ROOT, server, VethPair.subnet(7))) {
 *     Process p = server.processBuilder(List.of("java", "-cp", cp, "Main")).start();
 *     // connect to link.peerAddress() from this (the root) namespace
 * }
 * }</pre>
 */
package io.pushbench.bench.netns;
