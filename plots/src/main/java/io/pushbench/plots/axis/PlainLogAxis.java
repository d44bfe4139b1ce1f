package io.pushbench.plots.axis;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log axis labelled with plain numbers at each decade ({@code 0.1}, {@code 1}, {@code 10},
 * {@code 1,000}), with unlabelled minor ticks at 2×..9×.
 *
 * <p>JFreeChart's own {@link LogAxis} hands its labels over as attributed strings, which SVG output
 * turns into glyph outlines; plain labels stay text in SVG (searchable, selectable, small).
 */
final class PlainLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    private static final int MINOR_TICKS_PER_DECADE = 10;

    private final NumberFormat labelFormat;
    private final List<Double> fixedTicks;

    /**
     * @param fixedTicks where to put the labelled ticks instead of at decades (e.g. a sweep's values);
     *                   empty = decades
     */
    PlainLogAxis(String label, NumberFormat labelFormat, List<Double> fixedTicks) {
        super(label);
        this.labelFormat = labelFormat;
        this.fixedTicks = List.copyOf(fixedTicks);
        setBase(10);
        setAutoTickUnitSelection(false);
        setTickUnit(new NumberTickUnit(1.0), false, false);
        setMinorTickCount(MINOR_TICKS_PER_DECADE);
        setMinorTickMarksVisible(true);
    }

    /**
     * Values at or below zero (the lower end of an error bar wider than its value) map to the smallest
     * value, below the visible range: the bar runs off the bottom instead of vanishing.
     */
    @Override
    public double valueToJava2D(double value, Rectangle2D area, RectangleEdge edge) {
        return super.valueToJava2D(Math.max(value, getSmallestValue()), area, edge);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<ValueTick> plain = new ArrayList<>();
        List<?> computed = super.refreshTicks(g2, state, dataArea, edge);
        if (!fixedTicks.isEmpty() && !computed.isEmpty()) {
            ValueTick like = (ValueTick) computed.get(0);
            for (double v : fixedTicks) {
                plain.add(new NumberTick(TickType.MAJOR, v, labelFormat.format(v), like.getTextAnchor(),
                        like.getRotationAnchor(), like.getAngle()));
            }
            return plain;
        }
        for (Object o : computed) {
            ValueTick tick = (ValueTick) o;
            String text = tick.getTickType() == TickType.MAJOR ? labelFormat.format(tick.getValue()) : "";
            plain.add(new NumberTick(tick.getTickType(), tick.getValue(), text, tick.getTextAnchor(),
                    tick.getRotationAnchor(), tick.getAngle()));
        }
        return plain;
    }
}
