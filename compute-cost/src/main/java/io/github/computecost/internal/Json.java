package io.github.computecost.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict, explicitly configured Jackson parsing, and a path-tracking reader over its trees.
 *
 * <p>Defaults are not trusted (they change between Jackson versions): duplicate keys and trailing
 * tokens are errors, and every number is read as {@link BigDecimal}, never through {@code double}.
 *
 * <p>Trees are built by {@link #readTree} straight from Jackson's streaming parser, without an
 * {@code ObjectMapper}: setting one up loads some 350 classes, about a fifth of the command line's start-up
 * (measured alone: 330–380 ms against 150–160 ms to read the bundled tables and a workload; in the command line about 0.15 s). The mappers are made only
 * when something writes JSON or binds values.
 */
public final class Json {


    /** The largest document a workload, usage file or template may be, in bytes (16 MiB). */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** The deepest nesting of objects and arrays a document may have. */
    public static final int MAX_DEPTH = 64;
    /** The most characters one string of a document may have. */
    public static final int MAX_STRING_CHARS = 1_000_000;
    /** The most values a document's YAML aliases may expand to, in all. */
    public static final int MAX_ALIAS_VALUES = 100_000;
    /** The most aliases to collections a YAML document may have (SnakeYAML's own count, before any expansion). */
    public static final int MAX_COLLECTION_ALIASES = 50;
    /** The most significant digits of a number, and the largest magnitude of its decimal exponent. */
    public static final int MAX_DIGITS = 30;

    /** The reader's limits, on both formats: nesting, string and number lengths. */
    private static final com.fasterxml.jackson.core.StreamReadConstraints LIMITS =
            com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS).maxNumberLength(2 * MAX_DIGITS + 10).build();

    private static final JsonFactory JSON_FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * SnakeYAML's own limits for the documents users give: the whole document's code points, nesting, and the aliases
     * to collections (a "billion laughs" document is refused before it is expanded).
     */
    public static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(MAX_DOCUMENT_BYTES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /** Built on first use, see the class comment. */
    private static final class Mappers {
        static final JsonMapper JSON = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();

        static final YAMLMapper YAML = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    private Json() {
    }

    /** @return the strict JSON mapper (thread-safe, do not reconfigure), made on first use */
    public static ObjectMapper json() {
        return Mappers.JSON;
    }

    /** @return the strict YAML mapper (thread-safe, do not reconfigure), made on first use */
    public static ObjectMapper yaml() {
        return Mappers.YAML;
    }

    /** @return the node factory of the trees {@link #readTree} builds */
    public static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }

    /**
     * Reads a JSON or YAML document into a tree, as the strict mappers' {@code readTree} would: duplicate keys
     * and anything after the document are errors, and numbers with a fraction or exponent are
     * {@link BigDecimal}s (trailing zeros stripped, as Jackson's tree does by default).
     *
     * @param content the document, UTF-8
     * @param yaml YAML rather than JSON
     * @return the root, or a missing node if the document is empty
     * @throws JacksonException if the document is malformed (with its location)
     * @throws IOException if it cannot be read
     */
    public static JsonNode readTree(byte[] content, boolean yaml) throws IOException {
        if (yaml) {
            return YamlTree.read(content);
        }
        try {
            return readJson(content);
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '")) {
                JsonParseException both = duplicateInJson(content);
                if (both != null) {
                    throw both;
                }
            }
            throw e;
        }
    }

    /**
     * The refusal of a key given twice in one mapping, naming both lines: CloudFormation keeps the last, but a
     * duplicate is most often a typo or a merge left half-done, and it must never change an estimate silently.
     */
    static String duplicateMessage(String key, int firstLine) {
        return "duplicate key '" + excerpt(key) + "'" + (firstLine > 0 ? " (first given at line " + firstLine + ")" : "")
                + ": a mapping may give each key once";
    }

    /** The first duplicate key of a JSON document, found again with the line of its first occurrence. */
    private static JsonParseException duplicateInJson(byte[] content) throws IOException {
        JsonFactory lenient = JsonFactory.builder().streamReadConstraints(LIMITS).build();
        try (JsonParser p = lenient.createParser(content)) {
            java.util.ArrayDeque<java.util.Map<String, Integer>> open = new java.util.ArrayDeque<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    open.push(new java.util.HashMap<>());
                } else if (t == JsonToken.END_OBJECT) {
                    open.pop();
                } else if (t == JsonToken.FIELD_NAME) {
                    Integer first = open.peek().putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
                    if (first != null) {
                        return new JsonParseException(p, duplicateMessage(p.currentName(), first));
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode readJson(byte[] content) throws IOException {
        try (JsonParser p = JSON_FACTORY.createParser(content)) {
            if (p.nextToken() == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = tree(p);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after value");
            }
            return root;
        }
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, tree(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(tree(p));
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(bounded(p, new BigDecimal(p.getBigIntegerValue())).toBigIntegerExact());
                };
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(bounded(p, p.getDecimalValue()));
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                Object o = p.getEmbeddedObject();
                return o instanceof byte[] b ? f.binaryNode(b) : f.pojoNode(o);
            default:
                throw new JsonParseException(p, "Unexpected token " + p.currentToken());
        }
    }

    /**
     * Whether a number is beyond any AWS quantity or price: more than {@value #MAX_DIGITS} significant digits, or a
     * decimal exponent beyond ±{@value #MAX_DIGITS}. Checked before the number is used or printed (an exponent of a
     * billion would print as a gigabyte), by every reader of user documents.
     */
    public static boolean outOfRange(BigDecimal v) {
        long magnitude = (long) v.precision() - v.scale(); // digits before the point (may be negative)
        return v.signum() != 0 && (v.precision() > MAX_DIGITS || magnitude > MAX_DIGITS || magnitude < -MAX_DIGITS
                || v.scale() > 2L * MAX_DIGITS);
    }

    /**
     * @return a parser's error without Jackson's source description ({@code [Source: REDACTED ...]}), in one line
     *     of at most 200 characters: what it expected, and where a construct it could not close began
     */
    public static String problem(com.fasterxml.jackson.core.JacksonException e) {
        String m = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        m = m.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 197) + "..." : m;
    }

    /** @return the refusal of a number {@link #outOfRange}: where it is, the bounds, and an excerpt of it */
    public static String outOfRangeMessage(String where, String value) {
        return excerpt(where) + " is out of range: at most " + MAX_DIGITS + " significant digits and an exponent within ±"
                + MAX_DIGITS + " (was " + excerpt(value) + ")";
    }

    private static BigDecimal bounded(JsonParser p, BigDecimal v) throws IOException {
        if (outOfRange(v)) {
            String pointer = p.getParsingContext() == null ? "" : p.getParsingContext().pathAsPointer().toString();
            StringBuilder path = new StringBuilder("$");
            for (String part : pointer.split("/")) {
                if (!part.isEmpty()) {
                    path.append(part.chars().allMatch(Character::isDigit) ? "[" + part + "]" : "." + part);
                }
            }
            throw new JsonParseException(p, outOfRangeMessage(path.toString(), v.toString()));
        }
        return v.signum() == 0 && v.scale() < 0 ? BigDecimal.ZERO : v;
    }

    /** @return at most about 60 characters of a value, for a message */
    public static String excerpt(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /**
     * Wraps a document root as an object, failing if it is not one.
     *
     * @param root the parsed root
     * @return a reader positioned at {@code $}
     */
    public static Obj root(JsonNode root) {
        return new Obj(root, "$");
    }

    /**
     * Wraps an object found at {@code path} of a document, failing if it is not one.
     *
     * @param node the object
     * @param path its JSON path, {@code $.resources[0]}
     * @return a reader positioned there
     */
    public static Obj at(JsonNode node, String path) {
        return new Obj(node, path);
    }

    /** A JSON object with its path, and typed, strict accessors whose errors name that path. */
    public static final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new FieldException(path, "must be an object, was " + describe(node));
            }
            this.node = node;
            this.path = path;
        }

        /** @return the object's node */
        public JsonNode node() {
            return node;
        }

        /** @return this object's JSON path */
        public String path() {
            return path;
        }

        /** @return the path of one of this object's fields */
        public String pathOf(String key) {
            return path + "." + key;
        }

        /** @return whether the field is present and not null */
        public boolean has(String key) {
            JsonNode v = node.get(key);
            return v != null && !v.isNull();
        }

        /** @return the field names in document order */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        /**
         * Fails if any field is not one of {@code allowed}, naming every unknown one: a typo must never
         * silently change a result.
         */
        public void allowOnly(Set<String> allowed) {
            List<String> unknown = new ArrayList<>();
            for (String k : keys()) {
                if (!allowed.contains(k)) {
                    unknown.add(k);
                }
            }
            if (!unknown.isEmpty()) {
                throw new FieldException(path, (unknown.size() == 1 ? "unknown key " : "unknown keys ")
                        + String.join(", ", unknown) + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }

        private JsonNode required(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new FieldException(pathOf(key), "is required");
            }
            return v;
        }

        /** @return a required non-blank string */
        public String string(String key) {
            JsonNode v = required(key);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new FieldException(pathOf(key), "must be a non-blank string, was " + describe(v));
            }
            return v.asText();
        }

        /** @return an optional non-blank string */
        public Optional<String> optString(String key) {
            return has(key) ? Optional.of(string(key)) : Optional.empty();
        }

        /**
         * A required decimal: a JSON number or a string holding one (strings keep any precision). Never
         * read through {@code double}.
         */
        public BigDecimal decimal(String key) {
            return toDecimal(required(key), pathOf(key), "a number");
        }

        /** @return an optional decimal, see {@link #decimal} */
        public Optional<BigDecimal> optDecimal(String key) {
            return has(key) ? Optional.of(decimal(key)) : Optional.empty();
        }

        /** A required whole number (no fraction) that fits a {@code long}. */
        public long wholeNumber(String key) {
            BigDecimal d = toDecimal(required(key), pathOf(key), "a whole number");
            try {
                return d.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                throw new FieldException(pathOf(key), "must be a whole number, was " + d.toPlainString());
            }
        }

        /** @return an optional whole number, see {@link #wholeNumber} */
        public Optional<Long> optWholeNumber(String key) {
            return has(key) ? Optional.of(wholeNumber(key)) : Optional.empty();
        }

        /** @return a boolean field, or {@code fallback} when absent */
        public boolean bool(String key, boolean fallback) {
            if (!has(key)) {
                return fallback;
            }
            JsonNode v = node.get(key);
            if (!v.isBoolean()) {
                throw new FieldException(pathOf(key), "must be true or false, was " + describe(v));
            }
            return v.booleanValue();
        }

        /** @return a required nested object */
        public Obj obj(String key) {
            return new Obj(required(key), pathOf(key));
        }

        /** @return an optional nested object */
        public Optional<Obj> optObj(String key) {
            return has(key) ? Optional.of(obj(key)) : Optional.empty();
        }

        /** @return the elements of a required array of objects */
        public List<Obj> objArray(String key) {
            JsonNode v = required(key);
            if (!v.isArray()) {
                throw new FieldException(pathOf(key), "must be a list, was " + describe(v));
            }
            List<Obj> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(new Obj(v.get(i), pathOf(key) + "[" + i + "]"));
            }
            return out;
        }

        /** @return the elements of a required array of non-blank strings */
        public List<String> stringArray(String key) {
            JsonNode v = required(key);
            if (!v.isArray()) {
                throw new FieldException(pathOf(key), "must be a list, was " + describe(v));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (!e.isTextual() || e.asText().isBlank()) {
                    throw new FieldException(pathOf(key) + "[" + i + "]", "must be a non-blank string, was " + describe(e));
                }
                out.add(e.asText());
            }
            return out;
        }

        /** @return the fields of a required object whose values are objects, in document order */
        public Map<String, Obj> objMap(String key) {
            Obj m = obj(key);
            Map<String, Obj> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = m.node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), new Obj(e.getValue(), m.pathOf(e.getKey())));
            }
            return out;
        }

        /** @return the fields of a required object whose values are lists of objects, in document order */
        public Map<String, List<Obj>> objArrayMap(String key) {
            Obj m = obj(key);
            Map<String, List<Obj>> out = new LinkedHashMap<>();
            for (String k : m.keys()) {
                out.put(k, m.objArray(k));
            }
            return out;
        }

        /** @return the raw node of a required field (for fields of several shapes) */
        public JsonNode raw(String key) {
            return required(key);
        }
    }

    /** A decimal from a node (a number or a string holding one), errors naming {@code path}. */
    public static BigDecimal decimal(JsonNode v, String path) {
        return toDecimal(v, path, "a number");
    }

    static BigDecimal toDecimal(JsonNode v, String path, String what) {
        if (v.isNumber()) {
            if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
                throw new FieldException(path, "must be " + what + " (finite), was " + v.asText());
            }
            // BigDecimal for floats (USE_BIG_DECIMAL_FOR_FLOATS) and integers alike.
            return v.decimalValue();
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new FieldException(path, "must be " + what + ", was \"" + v.asText() + "\"");
            }
        }
        throw new FieldException(path, "must be " + what + ", was " + describe(v));
    }

    /** @return a value described for a message: its JSON type and, for a scalar, an excerpt of it */
    public static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType t = v.getNodeType();
        switch (t) {
            case STRING:
                return "\"" + excerpt(v.asText()) + "\"";
            case NUMBER:
            case BOOLEAN:
                return excerpt(v.asText());
            case ARRAY:
                return "a list";
            case OBJECT:
                return "an object";
            default:
                return t.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
