package io.pushbench.bench.publish;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publish URL, body or channel with {@code {topic}} and {@code {payload}} placeholders, each with an optional
 * escape: {@code {payload}} (bytes as they are), {@code {payload:json}} (the inside of a JSON string),
 * {@code {payload:base64}} (standard Base64 with padding), {@code {payload:form}}
 * ({@code application/x-www-form-urlencoded}: space as {@code +}), {@code {payload:url}} (percent-encoding of a URL
 * path segment: space as {@code %20}); the same for {@code {topic}}. Any other text, braces included, is literal,
 * so a JSON envelope such as {@code {"channel":"{topic:json}","data":"{payload:json}"}} is written as is.
 *
 * <p>Typical use:
 * <pre>{@code
 * PublishTemplate body = PublishTemplate.parse("topic={topic:form}&data={payload:form}");
 * byte[] bytes = body.expand("r1-t0", payload);
 * }</pre>
 */
public final class PublishTemplate {

    /** How a placeholder's value is escaped. */
    public enum Escape {
        RAW, JSON, BASE64, FORM, URL;

        static Escape of(String label, String template) {
            if (label == null) {
                return RAW;
            }
            try {
                return valueOf(label.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("publish template '" + template + "': unknown escape ':" + label
                        + "' (expected json, base64, form, url, or none)");
            }
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(topic|payload)(?::([A-Za-z0-9]+))?}");

    /** One piece: literal bytes, or a placeholder. */
    private record Piece(byte[] literal, boolean topic, Escape escape) {
    }

    private final String text;
    private final List<Piece> pieces;
    private final boolean hasTopic;
    private final boolean hasPayload;

    private PublishTemplate(String text, List<Piece> pieces) {
        this.text = text;
        this.pieces = List.copyOf(pieces);
        this.hasTopic = pieces.stream().anyMatch(p -> p.literal() == null && p.topic());
        this.hasPayload = pieces.stream().anyMatch(p -> p.literal() == null && !p.topic());
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming an unknown escape
     */
    public static PublishTemplate parse(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()).getBytes(StandardCharsets.UTF_8), false, null));
            }
            pieces.add(new Piece(null, m.group(1).equals("topic"), Escape.of(m.group(2), text)));
            at = m.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at).getBytes(StandardCharsets.UTF_8), false, null));
        }
        return new PublishTemplate(text, pieces);
    }

    /** Whether {@code {topic}} appears (with any escape). */
    public boolean hasTopic() {
        return hasTopic;
    }

    /** Whether {@code {payload}} appears (with any escape). */
    public boolean hasPayload() {
        return hasPayload;
    }

    /** Whether some placeholder uses this escape. */
    public boolean uses(Escape escape) {
        return pieces.stream().anyMatch(p -> p.literal() == null && p.escape() == escape);
    }

    /** The template with both placeholders replaced. */
    public byte[] expand(String topic, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 2 + 64);
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        for (Piece p : pieces) {
            if (p.literal() != null) {
                out.writeBytes(p.literal());
            } else {
                out.writeBytes(escape(p.topic() ? topicBytes : payload, p.escape()));
            }
        }
        return out.toByteArray();
    }

    /** The template with both placeholders replaced, as a string (for URLs and channel names). */
    public String expandToString(String topic, byte[] payload) {
        return new String(expand(topic, payload), StandardCharsets.UTF_8);
    }

    static byte[] escape(byte[] value, Escape escape) {
        switch (escape) {
            case RAW:
                return value;
            case JSON:
                return json(new String(value, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            case BASE64:
                return Base64.getEncoder().encode(value);
            case FORM:
                return URLEncoder.encode(new String(value, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.US_ASCII);
            case URL:
                return percent(value);
            default:
                throw new IllegalStateException(escape.name());
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    /** RFC 3986 percent-encoding: only unreserved characters stay. */
    private static byte[] percent(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length * 3);
        for (byte v : value) {
            int c = v & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return text;
    }
}
