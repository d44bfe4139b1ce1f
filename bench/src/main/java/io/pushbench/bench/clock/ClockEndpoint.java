package io.pushbench.bench.clock;

import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.model.WallClock;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Asks a server for its clock with one blocking HTTP/1.1 {@code GET /clock} per exchange, on a fresh connection that
 * is closed right after (so no clock connection stays open into the measured window). The pushbench server answers
 * with its wall clock in epoch microseconds (docs/wire-format.md); a server without that endpoint is read through
 * the HTTP {@code Date} header of whatever it answers (whole seconds), else the exchange fails with the reason.
 *
 * <p>Typical use:
 * <pre>{@code
 * ClockEndpoint endpoint = new ClockEndpoint("127.0.0.1", 8080, "127.0.0.1:8080", TargetClock.SAME_HOST);
 * ClockEndpoint.Exchange e = endpoint.exchange(Duration.ofSeconds(2));
 * if (e.sample() != null) System.out.println(e.sample().offsetMicros() + " ± " + e.sample().uncertaintyMicros());
 * }</pre>
 */
public final class ClockEndpoint {

    /** The path of the pushbench server's clock endpoint. */
    public static final String CLOCK_PATH = "/clock";

    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    /** Answers outside 2000..2200 are not a clock in epoch microseconds (a foreign {@code /clock} page, a counter). */
    private static final long MIN_PLAUSIBLE_MICROS = 946_684_800_000_000L;
    private static final long MAX_PLAUSIBLE_MICROS = 7_258_118_400_000_000L;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final TargetClock targetClock;
    /** Null: {@code GET /clock}; else the path (and query) of a {@code HEAD} request whose Date header is read. */
    private final String headPath;

    /**
     * @param host        the server's host name or address
     * @param port        its port
     * @param hostHeader  the {@code Host} header value, e.g. {@code 127.0.0.1:8080}
     * @param targetClock where the server's clock is relative to ours
     */
    public ClockEndpoint(String host, int port, String hostHeader, TargetClock targetClock) {
        this(host, port, hostHeader, targetClock, null);
    }

    /**
     * An endpoint read through the {@code Date} header of a {@code HEAD} request ({@link ClockProbe#DATE}).
     *
     * @param headPath the path and query asked, e.g. {@code /publish/20261125T154500Z-3f2a-r0-warmup}; null for
     *                 {@code GET /clock}
     */
    public ClockEndpoint(String host, int port, String hostHeader, TargetClock targetClock, String headPath) {
        this.host = host;
        this.port = port;
        this.hostHeader = hostHeader;
        this.targetClock = targetClock;
        this.headPath = headPath;
    }

    /** The same server read through the {@code Date} header of {@code HEAD path}. */
    public ClockEndpoint withDateHeaderOf(String path) {
        return new ClockEndpoint(host, port, hostHeader, targetClock, path);
    }

    /**
     * The clock endpoint of the server a run publishes to: the publish URL's origin, path {@link #CLOCK_PATH}.
     *
     * @param serverMode {@code embedded}, {@code fork} or {@code external} (a {@code ServerTarget}'s mode)
     */
    public static ClockEndpoint of(PublishTarget publish, String serverMode) {
        return new ClockEndpoint(publish.host(), publish.port(), publish.hostHeader(),
                TargetClock.of(serverMode, publish.host()));
    }

    /** The URL asked, e.g. {@code http://127.0.0.1:8080/clock}. */
    public String url() {
        return "http://" + hostHeader + (headPath == null ? CLOCK_PATH : headPath);
    }

    public TargetClock targetClock() {
        return targetClock;
    }

    /**
     * The outcome of one exchange: a sample, or the reason there is none.
     *
     * @param sample         the server time and our send and receive times; null when the exchange failed
     * @param fallbackReason why the sample comes from the {@code Date} header and not from {@code /clock}; else null
     * @param failure        why there is no sample; null when there is one
     */
    public record Exchange(ClockSample sample, String fallbackReason, String failure) {
    }

    /**
     * Makes one exchange. Connecting is not part of the round trip; writing the request and reading the whole answer is.
     *
     * @param timeout bound on connecting and on reading the answer, each (at least 1 ms)
     */
    public Exchange exchange(Duration timeout) {
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        byte[] request = ((headPath == null ? "GET " + CLOCK_PATH : "HEAD " + headPath) + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: pushbench-clock\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());   // the head is read byte by byte
            long sendMicros = WallClock.nowEpochMicros();
            out.write(request);
            out.flush();
            Answer answer = Answer.read(in, headPath != null);
            long receiveMicros = WallClock.nowEpochMicros();
            return interpret(answer, sendMicros, receiveMicros);
        } catch (IOException e) {
            return new Exchange(null, null, "cannot ask " + url() + ": " + e.getMessage());
        }
    }

    private Exchange interpret(Answer answer, long sendMicros, long receiveMicros) {
        String why;
        if (headPath != null) {
            why = "clock probe 'date': the Date header of HEAD " + url() + " (answered " + answer.status + ")";
        } else if (answer.status == 200) {
            Long serverMicros = epochMicros(answer.body);
            if (serverMicros != null) {
                return new Exchange(new ClockSample(sendMicros, serverMicros, receiveMicros,
                        ClockSample.CLOCK_ENDPOINT_RESOLUTION_MICROS, url()), null, null);
            }
            why = "GET " + url() + " answered 200 without a clock in epoch microseconds";
        } else {
            why = "GET " + url() + " answered " + answer.status;
        }
        if (answer.date == null) {
            return new Exchange(null, null, why + " and no Date header");
        }
        try {
            Instant date = DateTimeFormatter.RFC_1123_DATE_TIME.parse(answer.date.trim(), Instant::from);
            return new Exchange(new ClockSample(sendMicros, date.getEpochSecond() * 1_000_000L, receiveMicros,
                    ClockSample.DATE_HEADER_RESOLUTION_MICROS, url()), why, null);
        } catch (DateTimeParseException e) {
            return new Exchange(null, null, why + " and an unreadable Date header '" + answer.date + "'");
        }
    }

    private static Long epochMicros(String body) {
        String text = body.trim();
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long micros = Long.parseLong(text);
        return micros >= MIN_PLAUSIBLE_MICROS && micros <= MAX_PLAUSIBLE_MICROS ? micros : null;
    }

    /** The parts of an HTTP/1.1 answer an exchange needs: status, {@code Date}, and the body as text. */
    private record Answer(int status, String date, String body) {

        /** @param headOnly the answer to a {@code HEAD}: it has no body, whatever its headers say */
        static Answer read(InputStream in, boolean headOnly) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection closed before a complete answer head");
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (head.size() > MAX_HEAD_BYTES) {
                    throw new IOException("the answer head exceeds " + MAX_HEAD_BYTES + " bytes");
                }
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: '" + lines[0] + "'");
            }
            int status;
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad HTTP status line '" + lines[0] + "'", e);
            }
            String date = null;
            long contentLength = -1;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("date")) {
                    date = value;
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                } else if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length '" + value + "'", e);
                    }
                }
            }
            // only a 200 can carry a clock; any other answer is read no further (its Date is all that counts)
            if (status != 200 || headOnly) {
                return new Answer(status, date, "");
            }
            return new Answer(status, date, chunked ? firstChunk(in) : body(in, contentLength));
        }

        /** The first chunk of a chunked body: enough for a clock, and no wait for the rest of a kept-alive stream. */
        private static String firstChunk(InputStream in) throws IOException {
            StringBuilder sizeLine = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0 || sizeLine.length() > 64) {
                    throw new IOException("bad chunk size line '" + sizeLine + "'");
                }
                sizeLine.append((char) b);
            }
            String hex = sizeLine.toString().trim();
            int semicolon = hex.indexOf(';');
            long size;
            try {
                size = Long.parseLong(semicolon < 0 ? hex : hex.substring(0, semicolon).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line '" + hex + "'", e);
            }
            return body(in, size);
        }

        /** Exactly {@code contentLength} bytes (-1: unframed, what comes until the server closes), up to a cap. */
        private static String body(InputStream in, long contentLength) throws IOException {
            long limit = contentLength >= 0 ? Math.min(contentLength, MAX_BODY_BYTES) : MAX_BODY_BYTES;
            byte[] bytes = in.readNBytes((int) limit);
            if (contentLength >= 0 && bytes.length < limit) {
                throw new IOException("the connection closed after " + bytes.length + " of " + contentLength + " body bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
