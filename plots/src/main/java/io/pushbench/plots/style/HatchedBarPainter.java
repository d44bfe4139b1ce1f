package io.pushbench.plots.style;

import org.jfree.chart.renderer.category.BarPainter;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.RectangularShape;
import java.util.Set;

/**
 * Paints bars flat, and the bars of chosen series with white diagonal hatching over their colour.
 *
 * <p>Hatching tells two measures of one strategy apart (server vs load generator CPU, useful vs empty
 * requests) while both keep the strategy's colour; drawn as lines, it survives grey printing and SVG.
 */
public final class HatchedBarPainter implements BarPainter {

    private static final double SPACING_PIXELS = 9;
    private static final BasicStroke HATCH_STROKE = new BasicStroke(2.5f);

    private final StandardBarPainter flat = new StandardBarPainter();
    private final Set<Integer> hatchedRows;

    /** @param hatchedRows the dataset rows (series indexes) to hatch */
    public HatchedBarPainter(Set<Integer> hatchedRows) {
        this.hatchedRows = Set.copyOf(hatchedRows);
    }

    @Override
    public void paintBar(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                         RectangleEdge base) {
        flat.paintBar(g2, renderer, row, column, bar, base);
        if (!hatchedRows.contains(row)) {
            return;
        }
        Shape oldClip = g2.getClip();
        g2.clip(bar);
        g2.setPaint(Color.WHITE);
        g2.setStroke(HATCH_STROKE);
        double height = bar.getHeight();
        for (double x = bar.getMinX() - height; x < bar.getMaxX(); x += SPACING_PIXELS) {
            g2.draw(new Line2D.Double(x, bar.getMaxY(), x + height, bar.getMinY()));
        }
        g2.setClip(oldClip);
    }

    @Override
    public void paintBarShadow(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                               RectangleEdge base, boolean pegShadow) {
        // flat charts: no shadows
    }
}
