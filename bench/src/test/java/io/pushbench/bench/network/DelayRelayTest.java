package io.pushbench.bench.network;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The user-space link emulator on loopback: a round trip through it costs its round trip, bytes arrive whole. */
class DelayRelayTest {

    private static final Duration ONE_WAY = Duration.ofMillis(40);

    @Test
    void everyExchangeCostsOneRoundTripAndKeepsEveryByteInOrder() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             DelayRelay relay = DelayRelay.start(new InetSocketAddress("127.0.0.1", echo.getLocalPort()), ONE_WAY)) {
            Thread echoThread = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (Exception ignored) {
                    // the test's assertions say what went wrong
                }
            });
            echoThread.start();
            try (Socket client = new Socket("127.0.0.1", relay.address().getPort())) {
                client.setSoTimeout(5000);
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();
                for (int round = 0; round < 5; round++) {
                    byte[] sent = new byte[1000 + round];
                    for (int i = 0; i < sent.length; i++) {
                        sent[i] = (byte) (i * 7 + round);
                    }
                    long start = System.nanoTime();
                    out.write(sent);
                    out.flush();
                    byte[] back = in.readNBytes(sent.length);
                    long rttMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                    assertThat(back).isEqualTo(sent);
                    assertThat(rttMillis).isGreaterThanOrEqualTo(2 * ONE_WAY.toMillis());
                }
            }
            echoThread.join(5000);
            assertThat(relay.connections()).isEqualTo(1);
            assertThat(relay.droppedUpBytes()).isZero();
            assertThat(relay.droppedDownBytes()).isZero();
        }
    }

    @Test
    void bytesInFlightWhenTheClientClosesAreCountedAsDropped() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             DelayRelay relay = DelayRelay.start(new InetSocketAddress("127.0.0.1", server.getLocalPort()), ONE_WAY)) {
            Socket client = new Socket("127.0.0.1", relay.address().getPort());
            try (Socket accepted = server.accept()) {
                client.getOutputStream().write(1);
                assertThat(accepted.getInputStream().read()).isEqualTo(1);   // the relay's two sides are joined
                client.getOutputStream().write(new byte[10]);
                client.close();   // its 10 bytes still travel; an answer written now has no one to reach
                assertThat(accepted.getInputStream().readNBytes(10)).hasSize(10);
                accepted.getOutputStream().write(new byte[123]);
                accepted.getOutputStream().flush();
                assertThat(accepted.getInputStream().read()).isEqualTo(-1);   // the client's close arrives as a FIN
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (relay.droppedDownBytes() < 123 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(relay.droppedDownBytes()).isEqualTo(123);
            assertThat(relay.droppedUpBytes()).isZero();
        }
    }
}
