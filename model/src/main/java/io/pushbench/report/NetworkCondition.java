package io.pushbench.report;

/**
 * The emulated network between the clients and the server of a run ({@code --network}), and how it was emulated.
 *
 * @param label           as given, e.g. {@code wan} or {@code 100ms}
 * @param roundTripMillis the added round trip, ms
 * @param lossPercent     packets dropped at random per direction, %; 0 = none
 * @param emulator        {@code netem} (kernel, veth pair in a network namespace) or {@code delay-relay} (user space)
 * @param models          what the emulator reproduces
 * @param doesNotModel    what it does not
 */
public record NetworkCondition(String label, double roundTripMillis, double lossPercent, String emulator, String models,
                               String doesNotModel) {
}
