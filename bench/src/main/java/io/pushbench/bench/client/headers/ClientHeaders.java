package io.pushbench.bench.client.headers;

import io.pushbench.bench.client.UrlTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The headers the simulated clients send beyond what their protocol needs ({@code --client-headers}):
 * {@code minimal} (none: the request line, Host and the strategy's own headers only), {@code browser} (what headless
 * Chromium sends for {@code fetch()}, {@code EventSource} and {@code new WebSocket()}, from the resource
 * {@code browser.headers}), or a file of the same format: sections {@code [fetch]}, {@code [eventsource]},
 * {@code [websocket]} of {@code Name: value} lines, {@code #} comments, {@code {origin}} standing for the target's
 * {@code http://host:port}. An optional cookie of a set size goes into every request.
 *
 * @param label       {@code minimal}, {@code browser} or the file's path, for the report
 * @param byKind      the header lines per request kind, in sending order
 * @param cookieBytes the size of the {@code Cookie} header line (name, value and CRLF), 0 = no cookie
 */
public record ClientHeaders(String label, Map<RequestKind, List<Header>> byKind, int cookieBytes) {

    /** One header line. */
    public record Header(String name, String value) {
    }

    /** No extra headers. */
    public static final ClientHeaders MINIMAL = new ClientHeaders("minimal", Map.of(), 0);

    private static final String BROWSER_RESOURCE = "browser.headers";
    private static final String ORIGIN = "{origin}";
    /** {@code Cookie: } and CRLF. */
    private static final int COOKIE_LINE_OVERHEAD = "Cookie: ".length() + 2;

    public ClientHeaders {
        Map<RequestKind, List<Header>> copy = new EnumMap<>(RequestKind.class);
        byKind.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byKind = Collections.unmodifiableMap(copy);
        if (cookieBytes != 0 && cookieBytes <= COOKIE_LINE_OVERHEAD + 2) {
            throw new IllegalArgumentException("--cookie-bytes must be 0 or more than " + (COOKIE_LINE_OVERHEAD + 2)
                    + " (the line 'Cookie: a=b' and its CRLF), got " + cookieBytes);
        }
        if (cookieBytes > 16_384) {
            throw new IllegalArgumentException("--cookie-bytes must be at most 16384 (servers refuse larger heads), got " + cookieBytes);
        }
    }

    /**
     * {@code minimal}, {@code browser} or a profile file's path.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown name, unreadable file, a bad line)
     */
    public static ClientHeaders parse(String spec) {
        if (spec.equals("minimal")) {
            return MINIMAL;
        }
        if (spec.equals("browser")) {
            return browser();
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("invalid --client-headers '" + spec
                    + "': expected minimal, browser or a header profile file (no such file)");
        }
        try {
            return parse(spec, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --client-headers file " + spec + ": " + e.getMessage());
        }
    }

    /** The Chromium profile shipped with pushbench. */
    public static ClientHeaders browser() {
        try (InputStream in = ClientHeaders.class.getResourceAsStream(BROWSER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BROWSER_RESOURCE + " is missing from the jar");
            }
            return parse("browser", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + BROWSER_RESOURCE, e);
        }
    }

    /** Parses the profile format (see the class comment). */
    static ClientHeaders parse(String label, String text) {
        Map<RequestKind, List<Header>> byKind = new EnumMap<>(RequestKind.class);
        List<Header> current = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                RequestKind kind = RequestKind.fromLabel(l.substring(1, l.length() - 1).trim());
                if (kind == null) {
                    throw new IllegalArgumentException(label + " line " + lineNo + ": unknown section " + l
                            + " (expected [fetch], [eventsource] or [websocket])");
                }
                current = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
                continue;
            }
            int colon = l.indexOf(':');
            if (current == null || colon <= 0 || !l.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException(label + " line " + lineNo + ": expected 'Name: value' inside a "
                        + "[fetch], [eventsource] or [websocket] section, got '" + l + "'");
            }
            String name = l.substring(0, colon);
            if (name.equalsIgnoreCase("Host")) {
                throw new IllegalArgumentException(label + " line " + lineNo + ": Host is written by the client itself");
            }
            current.add(new Header(name, l.substring(colon + 1).trim()));
        }
        return new ClientHeaders(label, byKind, 0);
    }

    /** The same profile with a cookie line of {@code bytes} bytes in every request (0 = none). */
    public ClientHeaders withCookieBytes(int bytes) {
        return new ClientHeaders(label, byKind, bytes);
    }

    /**
     * The headers of one kind of request to a target, {@code {origin}} filled in, the cookie last.
     *
     * @param template the URL template the request goes to (its host and port make the origin)
     */
    public List<Header> headers(RequestKind kind, UrlTemplate template) {
        String origin = "http://" + template.hostHeader();
        List<Header> out = new ArrayList<>();
        for (Header h : byKind.getOrDefault(kind, List.of())) {
            out.add(new Header(h.name(), h.value().replace(ORIGIN, origin)));
        }
        if (cookieBytes > 0) {
            // pb=<x...>: a cookie of the asked size, e.g. a session id and preferences
            out.add(new Header("Cookie", "pb=" + "x".repeat(cookieBytes - COOKIE_LINE_OVERHEAD - 3)));
        }
        return out;
    }

    /** {@link #headers} as the bytes of their lines ({@code Name: value CRLF} each). */
    public String block(RequestKind kind, UrlTemplate template) {
        StringBuilder b = new StringBuilder();
        for (Header h : headers(kind, template)) {
            b.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return b.toString();
    }

    /** Lower-case names of the headers of a kind: a client does not write those a second time. */
    public Set<String> names(RequestKind kind) {
        Set<String> names = new TreeSet<>();
        byKind.getOrDefault(kind, List.of()).forEach(h -> names.add(h.name().toLowerCase(Locale.ROOT)));
        if (cookieBytes > 0) {
            names.add("cookie");
        }
        return names;
    }

    /** E.g. {@code browser} or {@code browser + 512 B cookie}. */
    public String describe() {
        return label + (cookieBytes > 0 ? " + " + cookieBytes + " B cookie" : "");
    }
}
