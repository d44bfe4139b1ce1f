package io.pushbench.plots.style;

import java.awt.Color;
import java.util.List;

/**
 * Okabe and Ito's eight colours, distinguishable with the common forms of colour blindness
 * (Okabe &amp; Ito, "Color Universal Design", 2008).
 */
public final class OkabeIto {

    public static final Color BLACK = new Color(0x00, 0x00, 0x00);
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);

    /**
     * Colours for series that are not strategies (benchmarks, metrics), in the order to use them;
     * the strategy colours come late so that a mixed chart does not suggest a strategy, and yellow,
     * faint as a line on white, comes last.
     */
    public static final List<Color> NEUTRAL_ORDER =
            List.of(SKY_BLUE, REDDISH_PURPLE, BLACK, BLUE, BLUISH_GREEN, ORANGE, VERMILLION, YELLOW);

    private OkabeIto() {
    }

    /** The i-th colour of {@link #NEUTRAL_ORDER}, wrapping round after eight. */
    public static Color neutral(int index) {
        return NEUTRAL_ORDER.get(Math.floorMod(index, NEUTRAL_ORDER.size()));
    }
}
