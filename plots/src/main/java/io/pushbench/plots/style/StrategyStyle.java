package io.pushbench.plots.style;

import io.pushbench.model.Strategy;
import org.jfree.chart.util.ShapeUtils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;

/**
 * How one strategy looks in every chart: one Okabe–Ito colour, one marker shape and one line pattern.
 *
 * <p>Okabe and Ito's palette stays distinct for the common forms of colour blindness. Two of its
 * colours (vermillion and bluish green) print as nearly the same grey, so every strategy also has its
 * own marker and dash pattern, and bars carry the strategy's name on their axis: a chart stays readable
 * from a grey printer.
 *
 * <p>Typical use:
 * <pre>{@code
 * StrategyStyle style = StrategyStyle.of(Strategy.SSE);
 * renderer.setSeriesPaint(i, style.color());
 * renderer.setSeriesShape(i, style.marker());
 * renderer.setSeriesStroke(i, style.line());
 * }</pre>
 *
 * @param color  line, marker and bar colour
 * @param marker the shape drawn at data points, centred on (0, 0)
 * @param line   the line pattern, {@value #LINE_WIDTH} px wide
 */
public record StrategyStyle(Color color, Shape marker, BasicStroke line) {

    /** Width of every strategy line, pixels. */
    public static final float LINE_WIDTH = 2.5f;

    private static final double MARKER_HALF_SIZE = 5.0;

    private static final Map<Strategy, StrategyStyle> STYLES = new EnumMap<>(Map.of(
            Strategy.SHORT_POLLING, new StrategyStyle(OkabeIto.VERMILLION,
                    new Ellipse2D.Double(-MARKER_HALF_SIZE, -MARKER_HALF_SIZE, 2 * MARKER_HALF_SIZE, 2 * MARKER_HALF_SIZE),
                    dashes()),
            Strategy.LONG_POLLING, new StrategyStyle(OkabeIto.ORANGE,
                    new Rectangle2D.Double(-MARKER_HALF_SIZE, -MARKER_HALF_SIZE, 2 * MARKER_HALF_SIZE, 2 * MARKER_HALF_SIZE),
                    dashes(10f, 5f)),
            Strategy.SSE, new StrategyStyle(OkabeIto.BLUISH_GREEN,
                    ShapeUtils.createDiamond((float) (MARKER_HALF_SIZE * 1.3)),
                    dashes(2f, 4f)),
            Strategy.WEBSOCKET, new StrategyStyle(OkabeIto.BLUE,
                    ShapeUtils.createUpTriangle((float) (MARKER_HALF_SIZE * 1.3)),
                    dashes(14f, 4f, 3f, 4f))));

    /** The style of a strategy: the same in every chart pushbench draws. */
    public static StrategyStyle of(Strategy strategy) {
        return STYLES.get(strategy);
    }

    /** A thin dotted line of the same colour: a model curve drawn beside the measured points (which have markers). */
    public BasicStroke thinLine() {
        return new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f);
    }

    /** A solid line, or a dashed one with the given on/off lengths in pixels. */
    private static BasicStroke dashes(float... dashPixels) {
        if (dashPixels.length == 0) {
            return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashPixels, 0f);
    }
}
