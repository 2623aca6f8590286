package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Fn::ForEach} of the {@code AWS::LanguageExtensions} transform, expanded as CloudFormation expands it:
 * {@code "Fn::ForEach::Name": [Identifier, Collection, {KeyTemplate: Value}]} stands for one copy of its fragment
 * per member of the collection, with {@code ${Identifier}} and {@code &{Identifier}} (the member without its
 * non-alphanumeric characters) replaced in keys and strings, and {@code {"Ref": Identifier}} by the member. Loops
 * nest. A collection that cannot be resolved before deployment is refused, naming the loop: what it would create is
 * unknown.
 */
final class ForEach {

    private static final String PREFIX = "Fn::ForEach::";
    /** The most copies one template may expand to, so that nested loops cannot blow up. */
    static final int MAX_COPIES = 10_000;

    private ForEach() {
    }

    /** @return the template with every loop expanded (the same tree when it has none) */
    static JsonNode expand(String file, JsonNode template, Intrinsics intrinsics) {
        if (!template.toString().contains(PREFIX)) {
            return template;
        }
        int[] copies = {0};
        return expand(file, template, intrinsics, "$", copies);
    }

    private static JsonNode expand(String file, JsonNode node, Intrinsics intrinsics, String path, int[] copies) {
        if (node.isArray()) {
            ArrayNode out = Json.nodes().arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(expand(file, node.get(i), intrinsics, path + "[" + i + "]", copies));
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = Json.nodes().objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = path + "." + Json.excerpt(e.getKey());
            if (!e.getKey().startsWith(PREFIX)) {
                out.set(e.getKey(), expand(file, e.getValue(), intrinsics, where, copies));
                continue;
            }
            JsonNode loop = e.getValue();
            if (!loop.isArray() || loop.size() != 3 || !loop.get(0).isTextual() || !loop.get(2).isObject()) {
                throw new WorkloadException(file, where, Optional.empty(), "must be [Identifier, Collection, "
                        + "{OutputKey: OutputValue}]");
            }
            String id = loop.get(0).asText();
            JsonNode collection = intrinsics.deep(loop.get(1));
            if (collection == null || !collection.isArray()) {
                throw new WorkloadException(file, where, Optional.empty(), "its collection cannot be resolved before "
                        + "deployment (a parameter without default?), so what it creates is unknown; pass the "
                        + "parameter's value");
            }
            for (JsonNode member : collection) {
                if (!member.isValueNode()) {
                    throw new WorkloadException(file, where, Optional.empty(), "its collection must hold strings");
                }
                if (++copies[0] > MAX_COPIES) {
                    throw new WorkloadException(file, where, Optional.empty(), "expands to more than " + MAX_COPIES
                            + " copies; refused");
                }
                JsonNode fragment = substitute(loop.get(2), id, member.asText());
                JsonNode expanded = expand(file, fragment, intrinsics, where, copies);
                expanded.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
            }
        }
        return out;
    }

    private static JsonNode substitute(JsonNode node, String id, String value) {
        String alnum = value.replaceAll("[^A-Za-z0-9]", "");
        if (node.isTextual()) {
            return Json.nodes().textNode(replace(node.asText(), id, value, alnum));
        }
        if (node.isArray()) {
            ArrayNode out = Json.nodes().arrayNode();
            node.forEach(n -> out.add(substitute(n, id, value)));
            return out;
        }
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && node.get("Ref").asText().equals(id)) {
                return Json.nodes().textNode(value);
            }
            ObjectNode out = Json.nodes().objectNode();
            node.fields().forEachRemaining(f -> out.set(replace(f.getKey(), id, value, alnum),
                    substitute(f.getValue(), id, value)));
            return out;
        }
        return node;
    }

    private static String replace(String s, String id, String value, String alnum) {
        return s.replace("${" + id + "}", value).replace("&{" + id + "}", alnum);
    }
}
