package io.pushbench.compare.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens a JSON tree of settings into {@code dotted.key → text}, so two runs' settings can be
 * diffed key by key and each difference named precisely. Arrays stay one value (their JSON text), so
 * a changed list of JVM flags is one difference, not one per flag.
 */
public final class FlatSettings {

    private FlatSettings() {
    }

    /** The scalar leaves and arrays of {@code node}, keyed by their dotted path under {@code prefix}. */
    public static Map<String, String> flatten(JsonNode node, String prefix) {
        Map<String, String> out = new TreeMap<>();
        collect(node, prefix, out);
        return out;
    }

    private static void collect(JsonNode node, String key, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(node.get(name), key.isEmpty() ? name : key + "." + name, out));
        } else if (node.isArray()) {
            out.put(key, node.toString());
        } else {
            out.put(key, node.isNull() ? "null" : node.asText());
        }
    }
}
