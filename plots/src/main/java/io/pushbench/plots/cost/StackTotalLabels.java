package io.pushbench.plots.cost;

import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/**
 * Labels a stacked bar once, on its top segment, with a text for the whole stack (usually its total);
 * the other segments stay unlabelled. A stack of zeros is labelled on its first row.
 */
final class StackTotalLabels implements CategoryItemLabelGenerator {

    /** The label of one stack. */
    @FunctionalInterface
    interface StackLabel {
        /**
         * @param column the stack's column index in the dataset
         * @param total  the sum of the stack's segments
         */
        String of(int column, double total);
    }

    private final StackLabel label;

    StackTotalLabels(StackLabel label) {
        this.label = label;
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
        int top = 0;
        double total = 0;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            Number v = dataset.getValue(r, column);
            if (v != null && v.doubleValue() > 0) {
                top = r;
                total += v.doubleValue();
            }
        }
        return row == top ? label.of(column, total) : null;
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
        return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
        return dataset.getColumnKey(column).toString();
    }
}
