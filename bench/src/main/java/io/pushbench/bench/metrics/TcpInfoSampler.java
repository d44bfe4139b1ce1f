package io.pushbench.bench.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the kernel's per-socket TCP counters ({@code struct tcp_info}: {@code tcpi_bytes_sent},
 * {@code tcpi_bytes_received}, {@code tcpi_segs_out}, {@code tcpi_segs_in}) of every established client socket
 * connected to one server port, through iproute2's {@code ss -tinHO} (which reads them over netlink
 * {@code inet_diag}). Java has no API for {@code TCP_INFO}, and Netty's {@code EpollTcpInfo} lacks the byte and
 * segment counters.
 *
 * <p>Segment counts include pure ACKs, SYN and FIN; the TCP/IP header bytes are derived as segments × a fixed
 * header size (IPv4 20 + TCP 20 + 12 for the timestamp option when {@code net.ipv4.tcp_timestamps} is on), which
 * the report states. Typical use:
 * <pre>{@code
 * TcpInfoSampler sampler = new TcpInfoSampler(serverPort, publisherPorts);
 * TcpInfoSampler.Sample start = sampler.sample();
 * ... measured window ...
 * TcpInfoSampler.Delta window = sampler.sample().minus(start);
 * }</pre>
 */
public final class TcpInfoSampler {

    /** IPv4 (20) + TCP (20) header bytes per segment, before options. */
    static final int BASE_HEADER_BYTES = 40;
    /** The TCP timestamp option, padded: present on every segment when timestamps are negotiated. */
    static final int TIMESTAMP_OPTION_BYTES = 12;

    private final List<Integer> serverPorts;
    private final Set<Integer> excludedLocalPorts;

    /**
     * @param serverPort         the server port the client sockets are connected to
     * @param excludedLocalPorts local ports of sockets to leave out (the publisher's connections)
     */
    public TcpInfoSampler(int serverPort, Set<Integer> excludedLocalPorts) {
        this(List.of(serverPort), excludedLocalPorts);
    }

    /** As {@link #TcpInfoSampler(int, Set)} for clients spread over several server instances' ports. */
    public TcpInfoSampler(List<Integer> serverPorts, Set<Integer> excludedLocalPorts) {
        this.serverPorts = List.copyOf(serverPorts);
        this.excludedLocalPorts = Set.copyOf(excludedLocalPorts);
    }

    /** IP + TCP header bytes counted per segment on this host. */
    public static int headerBytesPerSegment() {
        try {
            String ts = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_timestamps")).trim();
            return BASE_HEADER_BYTES + ("0".equals(ts) ? 0 : TIMESTAMP_OPTION_BYTES);
        } catch (IOException | RuntimeException e) {
            return BASE_HEADER_BYTES + TIMESTAMP_OPTION_BYTES;
        }
    }

    /**
     * The counters of every established client socket now.
     *
     * @throws IOException with a reason fit for the report when {@code ss} is missing or fails
     */
    public Sample sample() throws IOException {
        Process p;
        try {
            StringBuilder filter = new StringBuilder("(");
            for (int i = 0; i < serverPorts.size(); i++) {
                filter.append(i == 0 ? " " : " or ").append("dport = :").append(serverPorts.get(i));
            }
            p = new ProcessBuilder("ss", "-tinHO", "state", "established", filter.append(" )").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("the ss command (iproute2) is not available: " + e.getMessage(), e);
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ss did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading socket counters", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("ss failed (exit " + p.exitValue() + "): " + out.trim());
        }
        return parse(out);
    }

    Sample parse(String ssOutput) throws IOException {
        Map<String, long[]> sockets = new HashMap<>();
        for (String line : ssOutput.split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length < 5) {
                continue;
            }
            String local = tokens[2];
            if (excludedLocalPorts.contains(portOf(local))) {
                continue;
            }
            long[] c = new long[4];
            boolean counters = false;
            for (int i = 4; i < tokens.length; i++) {
                String t = tokens[i];
                int colon = t.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                int field = fieldIndex(t.substring(0, colon));
                if (field >= 0) {
                    c[field] = parseLong(t.substring(colon + 1));
                    counters = true;
                }
            }
            if (!counters) {
                throw new IOException("this kernel's ss output has no byte/segment counters (needs Linux >= 4.2)");
            }
            sockets.put(local + ">" + tokens[3], c);
        }
        return new Sample(sockets);
    }

    private static int fieldIndex(String key) {
        switch (key) {
            case "bytes_sent": return 0;
            case "bytes_received": return 1;
            case "segs_out": return 2;
            case "segs_in": return 3;
            default: return -1;
        }
    }

    private static int portOf(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Counters per socket at one moment: {bytes sent, bytes received, segments out, segments in}. */
    public static final class Sample {
        private final Map<String, long[]> sockets;

        Sample(Map<String, long[]> sockets) {
            this.sockets = sockets;
        }

        public int sockets() {
            return sockets.size();
        }

        /**
         * What the sockets of this sample did since {@code earlier}: sockets new since then count from their
         * creation; sockets of {@code earlier} that are gone are counted as closed (their last counts are lost).
         */
        public Delta minus(Sample earlier) {
            long[] sum = new long[4];
            for (Map.Entry<String, long[]> e : sockets.entrySet()) {
                long[] before = earlier.sockets.get(e.getKey());
                for (int i = 0; i < 4; i++) {
                    sum[i] += e.getValue()[i] - (before == null ? 0 : before[i]);
                }
            }
            int closed = 0;
            for (String key : earlier.sockets.keySet()) {
                if (!sockets.containsKey(key)) {
                    closed++;
                }
            }
            return new Delta(sockets.size(), closed, sum[0], sum[1], sum[2], sum[3]);
        }
    }

    /**
     * Kernel counts of the client sockets over an interval.
     *
     * @param sockets        sockets measured at the end of the interval
     * @param socketsClosed  sockets of the start that had closed by the end (their interval counts are missing)
     * @param upPayloadBytes TCP payload bytes sent (retransmissions included)
     * @param downPayloadBytes TCP payload bytes received
     * @param upSegments     segments sent (pure ACKs, SYN, FIN included)
     * @param downSegments   segments received
     */
    public record Delta(int sockets, int socketsClosed, long upPayloadBytes, long downPayloadBytes, long upSegments,
                        long downSegments) {
    }
}
