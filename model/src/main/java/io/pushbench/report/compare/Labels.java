package io.pushbench.report.compare;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds an enum constant by its JSON label, naming the accepted labels when none matches. */
final class Labels {

    private Labels() {
    }

    static <E extends Enum<E>> E find(E[] values, Function<E, String> labelOf, String label, String field) {
        for (E e : values) {
            if (labelOf.apply(e).equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + field + " '" + label + "'; expected one of "
                + Arrays.stream(values).map(labelOf).collect(Collectors.joining(", ")));
    }
}
