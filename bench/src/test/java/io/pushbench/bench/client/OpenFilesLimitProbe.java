package io.pushbench.bench.client;

import io.pushbench.model.Strategy;

/**
 * Run by {@link ResourceLimitTest} in a child JVM with a low open-files limit: starts more WebSocket clients than
 * the limit allows and prints the group's limit error once it is known and some clients are connected (the ones that
 * got a socket keep working).
 */
public final class OpenFilesLimitProbe {
    private OpenFilesLimitProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        ClientEngine engine = new ClientEngine(new ClientEngineConfig(1, 1, true));
        ClientGroup group = engine.start(Strategy.WEBSOCKET, ClientTarget.pushbench("127.0.0.1", port), clients,
                id -> "t", ClientSettings.DEFAULTS.withRampUpPerSec(0), DeliveryListener.IGNORE);
        long deadline = System.nanoTime() + 30_000_000_000L;
        ClientGroupSnapshot s = group.snapshot();
        while ((s.limitError() == null || s.connectedClients() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = group.snapshot();
        }
        System.out.println("CONNECTED " + s.connectedClients() + " ERRORS " + s.errors());
        System.out.println("LIMIT " + s.limitError());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
