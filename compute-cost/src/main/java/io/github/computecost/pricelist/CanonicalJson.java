package io.github.computecost.pricelist;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree the one way the bundled tables are written: two-space indents, {@code "key": value}, arrays
 * of plain values on one line, a final newline, key order as built. The same tree always gives the same bytes,
 * so a rebuilt table can be compared with the bundled one byte for byte.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, JsonNode n, int depth) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                indent(sb, depth + 1);
                string(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (n.isArray()) {
            boolean plain = true;
            for (JsonNode c : n) {
                plain &= c.isValueNode();
            }
            if (n.isEmpty()) {
                sb.append("[]");
            } else if (plain) {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    write(sb, n.get(i), depth);
                    sb.append(i + 1 < n.size() ? ", " : "");
                }
                sb.append(']');
            } else {
                sb.append("[\n");
                for (int i = 0; i < n.size(); i++) {
                    indent(sb, depth + 1);
                    write(sb, n.get(i), depth + 1);
                    sb.append(i + 1 < n.size() ? ",\n" : "\n");
                }
                indent(sb, depth);
                sb.append(']');
            }
        } else if (n.isTextual()) {
            string(sb, n.asText());
        } else {
            sb.append(n.toString()); // numbers, booleans, null: their JSON text
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }
}
