package io.pushbench.compare;

import io.pushbench.report.compare.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The settings two runs both have but with different values, in key order. */
final class SettingsDiff {

    private SettingsDiff() {
    }

    /**
     * Lists every key present in both maps whose values differ. A key only one side has is not a
     * difference: it belongs to a subject (a benchmark, a newer schema field) the other run lacks.
     */
    static List<Difference> between(SortedMap<String, String> base, SortedMap<String, String> candidate) {
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, String> e : base.entrySet()) {
            String other = candidate.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                out.add(new Difference(e.getKey(), e.getValue(), other));
            }
        }
        return out;
    }
}
