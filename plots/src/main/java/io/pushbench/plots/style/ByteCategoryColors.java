package io.pushbench.plots.style;

import io.pushbench.model.ByteCategory;

import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Colours of the parts of a bytes-per-message stack: viridis, dark (payload, the useful bytes) to light
 * (TCP/IP overhead).
 *
 * <p>Viridis is colour-blind safe and its lightness rises steadily, so the stack still reads in grey:
 * darker is closer to the payload. The stack is drawn in {@link #STACK_ORDER}, and the legend lists the
 * parts in the same order.
 */
public final class ByteCategoryColors {

    /** Bottom to top of a bytes-per-message stack. */
    public static final List<ByteCategory> STACK_ORDER = List.of(
            ByteCategory.PAYLOAD, ByteCategory.FRAMING, ByteCategory.HTTP_HEADERS, ByteCategory.HANDSHAKE,
            ByteCategory.HEARTBEAT, ByteCategory.EMPTY_RESPONSE);

    /** The colour of TCP/IP overhead (network bytes minus application bytes), on top of every stack. */
    public static final Color TCP_IP = new Color(0xFD, 0xE7, 0x25);

    private static final Map<ByteCategory, Color> COLORS = new EnumMap<>(Map.of(
            ByteCategory.PAYLOAD, new Color(0x44, 0x01, 0x54),
            ByteCategory.FRAMING, new Color(0x44, 0x39, 0x83),
            ByteCategory.HTTP_HEADERS, new Color(0x31, 0x68, 0x8E),
            ByteCategory.HANDSHAKE, new Color(0x21, 0x91, 0x8C),
            ByteCategory.HEARTBEAT, new Color(0x35, 0xB7, 0x79),
            ByteCategory.EMPTY_RESPONSE, new Color(0x90, 0xD7, 0x43)));

    private ByteCategoryColors() {
    }

    /** The colour of one category of application bytes. */
    public static Color of(ByteCategory category) {
        return COLORS.get(category);
    }

    /** The legend name of a category, e.g. {@code "HTTP headers"}. */
    public static String displayName(ByteCategory category) {
        return switch (category) {
            case PAYLOAD -> "Payload";
            case FRAMING -> "Framing";
            case HTTP_HEADERS -> "HTTP headers";
            case HANDSHAKE -> "Handshake / connection setup";
            case HEARTBEAT -> "Heartbeat / keep-alive";
            case EMPTY_RESPONSE -> "Empty responses";
        };
    }
}
