package io.github.computecost.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML document into a Jackson tree through SnakeYAML's composer, which resolves anchors and aliases to the
 * nodes they name (Jackson's own YAML parser keeps no anchor on a scalar, so {@code runtime: *rt} would read as the
 * text {@code rt}). Aliases are expanded under one budget ({@link Json#MAX_ALIAS_VALUES}), merge keys ({@code <<})
 * fill the keys a mapping lacks, duplicate keys are errors, and numbers are held to {@link Json#MAX_DIGITS}. Errors are
 * {@link JsonParseException}s with the line and column, as the JSON reader's are.
 */
public final class YamlTree {

    private final JsonNodeFactory f = Json.nodes();
    /** Nodes already read once: reading one again is an alias, charged to the budget. */
    private final Map<Node, JsonNode> seen = new IdentityHashMap<>();
    private long budget = Json.MAX_ALIAS_VALUES;

    private YamlTree() {
    }

    static JsonNode read(byte[] content) throws JsonParseException {
        Node root;
        try {
            // The composer alone (no Yaml facade: its constructor and representer cost start-up time for nothing here).
            org.yaml.snakeyaml.LoaderOptions options = Json.loaderOptions();
            org.yaml.snakeyaml.parser.Parser parser = new org.yaml.snakeyaml.parser.ParserImpl(
                    new org.yaml.snakeyaml.reader.StreamReader(new StringReader(new String(content,
                            StandardCharsets.UTF_8))), options);
            root = new org.yaml.snakeyaml.composer.Composer(parser, new org.yaml.snakeyaml.resolver.Resolver(), options)
                    .getSingleNode();
        } catch (YAMLException e) {
            throw new JsonParseException(null, problem(e));
        }
        return root == null ? MissingNode.getInstance() : new YamlTree().tree(root, "$");
    }

    /**
     * @return a YAML reader's error in one line: where ("line 3, column 4"), what it found and what it was reading,
     *     at most 160 characters
     */
    public static String problem(YAMLException e) {
        String msg;
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
            Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            String where = at == null ? "" : "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": ";
            msg = where + m.getProblem().strip() + (m.getContext() == null ? "" : " (" + m.getContext().strip() + ")");
        } else {
            msg = e.getMessage() == null ? "malformed" : e.getMessage().lines().findFirst().orElse("malformed");
        }
        if (msg.contains("Number of aliases")) {
            msg = "it uses more than " + Json.MAX_COLLECTION_ALIASES + " aliases to collections (a \"billion "
                    + "laughs\" document?); it is refused, not expanded";
        }
        msg = msg.replaceAll("\\s+", " ");
        return msg.length() > 160 ? msg.substring(0, 157) + "..." : msg;
    }

    private static JsonParseException error(Node n, String message) {
        Mark m = n.getStartMark();
        JsonLocation where = m == null ? JsonLocation.NA
                : new JsonLocation(null, -1, m.getLine() + 1, m.getColumn() + 1);
        return new JsonParseException(null, message, where);
    }

    private JsonNode tree(Node n, String path) throws JsonParseException {
        JsonNode done = seen.get(n);
        if (done != null) { // an alias: a copy of what its anchor named, charged to the budget
            budget -= count(done, budget + 1);
            if (budget < 0) {
                throw error(n, "its YAML aliases expand to more than " + Json.MAX_ALIAS_VALUES + " values (a \"billion "
                        + "laughs\" document?); it is refused, not expanded");
            }
            return done.deepCopy();
        }
        JsonNode out;
        if (n instanceof MappingNode m) {
            out = mapping(m, path);
        } else if (n instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (Node item : s.getValue()) {
                a.add(tree(item, path + "[" + a.size() + "]"));
            }
            out = a;
        } else {
            out = scalar((ScalarNode) n, path);
        }
        seen.put(n, out);
        return out;
    }

    private ObjectNode mapping(MappingNode m, String path) throws JsonParseException {
        ObjectNode o = f.objectNode();
        List<NodeTuple> tuples = m.getValue();
        java.util.List<JsonNode> merges = new java.util.ArrayList<>(0);
        for (NodeTuple t : tuples) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode key)) {
                throw error(k, "a mapping key must be a plain value");
            }
            if (key.getTag().equals(Tag.MERGE) || key.getValue().equals("<<") && key.getTag().equals(Tag.STR)
                    && key.isPlain()) {
                merges.add(tree(t.getValueNode(), path + ".<<"));
                continue;
            }
            if (o.has(key.getValue())) {
                int first = -1;
                for (NodeTuple earlier : tuples) {
                    if (earlier.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key.getValue())) {
                        first = s.getStartMark() == null ? -1 : s.getStartMark().getLine() + 1;
                        break;
                    }
                }
                throw error(k, Json.duplicateMessage(key.getValue(), first));
            }
            o.set(key.getValue(), tree(t.getValueNode(), path + "." + key.getValue()));
        }
        for (JsonNode merge : merges) { // YAML's merge key: the named mappings' keys, where this one lacks them
            for (JsonNode part : merge.isArray() ? merge : List.of(merge)) {
                if (!part.isObject()) {
                    throw error(m, "a YAML merge key (<<) must name mappings");
                }
                for (java.util.Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!o.has(e.getKey())) {
                        o.set(e.getKey(), e.getValue().deepCopy());
                    }
                }
            }
        }
        return o;
    }

    private JsonNode scalar(ScalarNode s, String path) throws JsonParseException {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (!s.isPlain() || tag.equals(Tag.STR)) {
            return f.textNode(v);
        }
        if (tag.equals(Tag.NULL)) {
            return f.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            String b = v.toLowerCase(java.util.Locale.ROOT);
            return f.booleanNode(b.equals("true") || b.equals("yes") || b.equals("on") || b.equals("y"));
        }
        if (tag.equals(Tag.INT)) {
            String d = v.replace("_", "");
            try {
                BigInteger i = d.startsWith("0x") ? new BigInteger(d.substring(2), 16)
                        : d.startsWith("0b") ? new BigInteger(d.substring(2), 2) : new BigInteger(d);
                BigDecimal bounded = bounded(s, path, new BigDecimal(i));
                return i.bitLength() < 32 ? f.numberNode(i.intValue()) : i.bitLength() < 64
                        ? f.numberNode(i.longValue()) : f.numberNode(bounded.toBigIntegerExact());
            } catch (NumberFormatException e) {
                return f.textNode(v); // sexagesimal and the like: text, refused where a number is needed
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return f.numberNode(bounded(s, path, new BigDecimal(v.replace("_", ""))));
            } catch (NumberFormatException e) {
                return f.textNode(v); // .inf, .nan: text, refused where a number is needed
            }
        }
        return f.textNode(v); // timestamps and other tags: their text
    }

    private static BigDecimal bounded(ScalarNode s, String path, BigDecimal v) throws JsonParseException {
        if (Json.outOfRange(v)) {
            throw error(s, Json.outOfRangeMessage(path, s.getValue()));
        }
        return v;
    }

    private static long count(JsonNode n, long stop) {
        long c = 1;
        for (JsonNode child : n) {
            if (c >= stop) {
                break;
            }
            c += count(child, stop - c);
        }
        return c;
    }
}
