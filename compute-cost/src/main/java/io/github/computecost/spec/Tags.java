package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource's tags as every input states them, read into one sorted map and checked against AWS's tag rules, so
 * that a tag AWS would refuse is refused here too, naming where it is.
 *
 * <p>The rules, as AWS states them for the services we price (for example the AWS Batch User Guide, "Tag
 * restrictions", and the Amazon ECS API Reference, {@code Tag}): at most 50 tags a resource; a key of 1 to 128
 * Unicode characters, a value of 0 to 256; a key and a value may not begin with {@code aws:} in any case, which is
 * reserved for AWS's own tags. Characters are counted as Unicode code points, not UTF-16 units.
 */
final class Tags {

    /** The most tags a user may put on one resource. */
    static final int MAX_TAGS = 50;
    /** The longest tag key, in Unicode characters. */
    static final int MAX_KEY = 128;
    /** The longest tag value, in Unicode characters. */
    static final int MAX_VALUE = 256;

    private Tags() {
    }

    /**
     * Reads a tag map: {@code { team: payments }} in a workload or usage file, Terraform's {@code tags_all}, a SAM
     * function's {@code Tags}, or a list of {@code {Key, Value}} (CloudFormation) or {@code {key, value}} (an ECS task
     * definition) objects. A scalar value is read as its text ({@code 1} as {@code "1"}).
     *
     * @param node the value of the tags key
     * @param path its JSON path, for messages
     * @return the tags, sorted by key
     * @throws FieldException naming the path and the rule broken
     */
    static Map<String, String> read(JsonNode node, String path) {
        Map<String, String> out = new TreeMap<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path + "." + e.getKey();
                put(out, e.getKey(), value(e.getValue(), at), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode t = node.get(i);
                String at = path + "[" + i + "]";
                String keyName = t.has("Key") ? "Key" : "key";
                String valueName = t.has("Value") ? "Value" : "value";
                if (!t.isObject() || !t.hasNonNull(keyName) || !t.get(keyName).isValueNode()) {
                    throw new FieldException(at, "must be a tag: an object with a Key and a Value, was "
                            + Json.describe(t));
                }
                String value = t.has(valueName) ? value(t.get(valueName), at + "." + valueName) : "";
                if (out.containsKey(t.get(keyName).asText())) {
                    throw new FieldException(at + "." + keyName, "repeats the tag key \""
                            + Json.excerpt(t.get(keyName).asText()) + "\"; each key may appear once on a resource");
                }
                put(out, t.get(keyName).asText(), value, at + "." + keyName);
            }
        } else {
            throw new FieldException(path, "must be a map of tag keys to values, or a list of {Key, Value}, was "
                    + Json.describe(node));
        }
        if (out.size() > MAX_TAGS) {
            throw new FieldException(path, "has " + out.size() + " tags; AWS allows at most " + MAX_TAGS
                    + " on a resource");
        }
        return out;
    }

    private static String value(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isValueNode()) {
            throw new FieldException(path, "must be a tag value (text), was " + Json.describe(v));
        }
        return v.asText();
    }

    private static void put(Map<String, String> out, String key, String value, String path) {
        if (key.isEmpty()) {
            throw new FieldException(path, "is an empty tag key; a key has 1 to " + MAX_KEY + " characters");
        }
        if (key.codePointCount(0, key.length()) > MAX_KEY) {
            throw new FieldException(path, "is a tag key of " + key.codePointCount(0, key.length())
                    + " characters; AWS allows at most " + MAX_KEY);
        }
        if (value.codePointCount(0, value.length()) > MAX_VALUE) {
            throw new FieldException(path, "is a tag value of " + value.codePointCount(0, value.length())
                    + " characters; AWS allows at most " + MAX_VALUE);
        }
        if (reserved(key) || reserved(value)) {
            throw new FieldException(path, "begins with \"aws:\", which AWS reserves for its own tags (tag \""
                    + Json.excerpt(key) + "\")");
        }
        out.put(key, value);
    }

    private static boolean reserved(String s) {
        return s.length() >= 4 && s.substring(0, 4).toLowerCase(Locale.ROOT).equals("aws:");
    }
}
