package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions, evaluated as CloudFormation evaluates them before it creates a stack, from
 * what a template holds before deployment: parameters (their {@code Default}, or a value the user passes), the
 * {@code Mappings} and {@code Conditions} sections, and the pseudo parameters that are known ahead
 * ({@code AWS::Region} when the usage file names a region, {@code AWS::Partition} and {@code AWS::URLSuffix} from
 * it, {@code AWS::AccountId} as the placeholder {@value #ACCOUNT_PLACEHOLDER}, {@code AWS::NoValue}).
 *
 * <p>Evaluated: {@code Ref}, {@code Fn::FindInMap} (with a {@code DefaultValue}), {@code Fn::If}, {@code Fn::Equals},
 * {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not}, {@code Condition}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::Join}, {@code Fn::Sub} (a string, or a string and a variable map) and {@code Fn::Length}. What only the
 * deployed stack knows ({@code Fn::GetAtt}, a {@code Ref} to a resource, {@code Fn::ImportValue}, {@code Fn::GetAZs})
 * is unresolved: {@link #resolve} gives {@code null} and the reader reports it, never guessing. Not thread-safe (it
 * caches conditions); one per template read.
 */
final class Intrinsics {

    /** What {@code AWS::AccountId} resolves to: a placeholder, since no account is known before deployment. */
    static final String ACCOUNT_PLACEHOLDER = "123456789012";

    /** What {@code Ref: AWS::NoValue} resolves to: the property is removed, as CloudFormation removes it. */
    static final JsonNode NO_VALUE = Json.nodes().objectNode();

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonNode parameters;
    private final JsonNode mappings;
    private final JsonNode conditions;
    private final Map<String, String> given;
    private final Optional<String> region;
    private final Map<String, Optional<Boolean>> evaluated = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @param template the whole template
     * @param given parameter values passed by the user, by parameter name
     * @param region the stack's region, when known
     * @throws IllegalArgumentException naming the parameter, when a given value names no parameter of the template
     *     or is not among its {@code AllowedValues}
     */
    Intrinsics(JsonNode template, Map<String, String> given, Optional<String> region) {
        this.parameters = template.path("Parameters");
        this.mappings = template.path("Mappings");
        this.conditions = template.path("Conditions");
        this.given = Map.copyOf(given);
        this.region = region;
        for (Map.Entry<String, String> g : given.entrySet()) {
            JsonNode p = parameters.get(g.getKey());
            if (p == null) {
                List<String> names = new ArrayList<>();
                parameters.fieldNames().forEachRemaining(names::add);
                throw new IllegalArgumentException("parameter " + Json.excerpt(g.getKey()) + " is not one of the "
                        + "template's (" + (names.isEmpty() ? "it has none" : String.join(", ", names)) + ")");
            }
            JsonNode allowed = p.path("AllowedValues");
            if (allowed.isArray() && allowed.size() > 0) {
                boolean ok = false;
                for (JsonNode a : allowed) {
                    ok |= a.asText().equals(g.getValue());
                }
                if (!ok) {
                    List<String> values = new ArrayList<>();
                    allowed.forEach(a -> values.add(a.asText()));
                    throw new IllegalArgumentException("parameter " + g.getKey() + " must be one of its AllowedValues ("
                            + String.join(", ", values) + "), was \"" + Json.excerpt(g.getValue()) + "\"");
                }
            }
        }
    }

    /** @return whether {@code v} is an intrinsic function ({@code {"Ref": ...}}, {@code {"Fn::If": ...}}) */
    static boolean isIntrinsic(JsonNode v) {
        if (v == null || !v.isObject() || v.size() != 1) {
            return false;
        }
        String k = v.fieldNames().next();
        // A single "Condition" key is the condition function only with a name (an IAM statement's is a mapping).
        return k.equals("Ref") || k.equals("Condition") && v.get(k).isTextual()
                || k.startsWith("Fn::") && !k.startsWith("Fn::ForEach::");
    }

    /**
     * @param v a template value
     * @return the value with every intrinsic that can be evaluated replaced by its value, at any depth, and the
     *     members that resolve to {@code AWS::NoValue} removed; an intrinsic that cannot be evaluated stays as it is
     *     (the reader reports it where it is read). {@link #NO_VALUE} when {@code v} itself resolves to it.
     */
    JsonNode deep(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (isIntrinsic(v)) {
            JsonNode r = resolve(v);
            if (r == null) {
                return v;
            }
            return r == NO_VALUE ? NO_VALUE : deep(r);
        }
        if (v.isObject()) {
            ObjectNode out = Json.nodes().objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode r = deep(e.getValue());
                if (r != NO_VALUE) {
                    out.set(e.getKey(), r);
                }
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = Json.nodes().arrayNode();
            for (JsonNode e : v) {
                JsonNode r = deep(e);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return v;
    }

    /**
     * @param v a template value
     * @return its value: a literal as it is, an intrinsic evaluated (one level: a list it returns may hold values
     *     still to resolve), {@link #NO_VALUE} for {@code AWS::NoValue}, or {@code null} when it cannot be evaluated
     *     before deployment
     */
    JsonNode resolve(JsonNode v) {
        if (v == null || v.isMissingNode() || !isIntrinsic(v)) {
            return v;
        }
        String fn = v.fieldNames().next();
        JsonNode arg = v.get(fn);
        switch (fn) {
            case "Ref":
                return ref(arg.asText());
            case "Condition":
                return condition(arg.asText()).map(b -> (JsonNode) Json.nodes().booleanNode(b)).orElse(null);
            case "Fn::FindInMap":
                return findInMap(arg);
            case "Fn::If": {
                if (!arg.isArray() || arg.size() != 3) {
                    return null;
                }
                Optional<Boolean> c = condition(arg.get(0).asText());
                return c.map(b -> resolve(arg.get(b ? 1 : 2))).orElse(null);
            }
            case "Fn::Equals":
            case "Fn::And":
            case "Fn::Or":
            case "Fn::Not":
                return bool(v).map(b -> (JsonNode) Json.nodes().booleanNode(b)).orElse(null);
            case "Fn::Select":
                return select(arg);
            case "Fn::Split":
                return split(arg);
            case "Fn::Join":
                return join(arg);
            case "Fn::Sub":
                return sub(arg);
            case "Fn::Length": {
                JsonNode list = list(arg);
                return list == null ? null : Json.nodes().numberNode(list.size());
            }
            default:
                return null; // Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, Fn::Base64, Fn::Cidr, ...: known once deployed
        }
    }

    /** @return the text a value resolves to, if it resolves to a scalar */
    private String text(JsonNode v) {
        JsonNode r = resolve(v);
        return r == null || r == NO_VALUE || !r.isValueNode() ? null : r.asText();
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::Region":
                return region.map(r -> (JsonNode) Json.nodes().textNode(r)).orElse(null);
            case "AWS::Partition":
                return region.map(r -> (JsonNode) Json.nodes().textNode(r.startsWith("cn-") ? "aws-cn"
                        : r.startsWith("us-gov-") ? "aws-us-gov" : "aws")).orElse(null);
            case "AWS::URLSuffix":
                return region.map(r -> (JsonNode) Json.nodes().textNode(r.startsWith("cn-") ? "amazonaws.com.cn"
                        : "amazonaws.com")).orElse(null);
            case "AWS::AccountId":
                return Json.nodes().textNode(ACCOUNT_PLACEHOLDER);
            default:
                break;
        }
        JsonNode p = parameters.get(name);
        if (p == null) {
            return null; // a resource, or a pseudo parameter only the stack knows (AWS::StackName)
        }
        String value = given.get(name);
        JsonNode d = value != null ? Json.nodes().textNode(value) : p.get("Default");
        if (d == null) {
            return null;
        }
        String type = p.path("Type").asText("");
        if ((type.equals("CommaDelimitedList") || type.startsWith("List<")) && d.isValueNode()) {
            ArrayNode out = Json.nodes().arrayNode();
            for (String s : d.asText().split(",", -1)) {
                out.add(s.strip());
            }
            return out;
        }
        return d;
    }

    private JsonNode findInMap(JsonNode arg) {
        if (!arg.isArray() || arg.size() < 3) {
            return null;
        }
        String map = text(arg.get(0));
        String top = text(arg.get(1));
        String second = text(arg.get(2));
        JsonNode fallback = arg.size() > 3 ? arg.get(3).get("DefaultValue") : null;
        if (map == null || top == null || second == null) {
            return null;
        }
        JsonNode found = mappings.path(map).path(top).get(second);
        return found != null ? found : fallback != null ? resolve(fallback) : null;
    }

    private JsonNode list(JsonNode v) {
        JsonNode r = resolve(v);
        return r != null && r.isArray() ? r : null;
    }

    private JsonNode select(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            return null;
        }
        String index = text(arg.get(0));
        JsonNode list = list(arg.get(1));
        if (index == null || list == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(index.strip());
            return i >= 0 && i < list.size() ? resolve(list.get(i)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonNode split(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            return null;
        }
        String delimiter = text(arg.get(0));
        String source = text(arg.get(1));
        if (delimiter == null || source == null || delimiter.isEmpty()) {
            return null;
        }
        ArrayNode out = Json.nodes().arrayNode();
        for (String s : source.split(Pattern.quote(delimiter), -1)) {
            out.add(s);
        }
        return out;
    }

    private JsonNode join(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            return null;
        }
        String delimiter = text(arg.get(0));
        JsonNode list = list(arg.get(1));
        if (delimiter == null || list == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : list) {
            JsonNode r = resolve(e);
            if (r == NO_VALUE) {
                continue;
            }
            String s = r == null || !r.isValueNode() ? null : r.asText();
            if (s == null) {
                return null;
            }
            parts.add(s);
        }
        return Json.nodes().textNode(String.join(delimiter, parts));
    }

    private JsonNode sub(JsonNode arg) {
        String template;
        JsonNode variables = Json.nodes().objectNode();
        if (arg.isTextual()) {
            template = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isObject()) {
            template = arg.get(0).asText();
            variables = arg.get(1);
        } else {
            return null;
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String var = m.group(1);
            String value;
            if (var.startsWith("!")) {
                value = "${" + var.substring(1) + "}"; // a literal ${...}
            } else if (variables.has(var)) {
                value = text(variables.get(var));
            } else {
                JsonNode r = ref(var.strip());
                value = r == null || r == NO_VALUE || !r.isValueNode() ? null : r.asText();
            }
            if (value == null) {
                return null; // a resource attribute, or a value only the stack knows
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return Json.nodes().textNode(sb.toString());
    }

    /**
     * @param name a condition of the template's {@code Conditions} section
     * @return its value, or empty when it depends on what only the stack knows (or the template does not define it)
     */
    Optional<Boolean> condition(String name) {
        Optional<Boolean> known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        JsonNode c = conditions.get(name);
        if (c == null || !evaluating.add(name)) {
            return Optional.empty(); // undefined, or defined in terms of itself
        }
        Optional<Boolean> v = bool(c);
        evaluating.remove(name);
        evaluated.put(name, v);
        return v;
    }

    /** @return a condition function's value, when it is known */
    private Optional<Boolean> bool(JsonNode c) {
        if (c == null) {
            return Optional.empty();
        }
        if (c.isBoolean()) {
            return Optional.of(c.booleanValue());
        }
        if (c.isTextual() && (c.asText().equals("true") || c.asText().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(c.asText()));
        }
        if (!isIntrinsic(c)) {
            return Optional.empty();
        }
        String fn = c.fieldNames().next();
        JsonNode arg = c.get(fn);
        switch (fn) {
            case "Condition":
                return condition(arg.asText());
            case "Fn::Equals": {
                if (!arg.isArray() || arg.size() != 2) {
                    return Optional.empty();
                }
                JsonNode a = resolve(arg.get(0));
                JsonNode b = resolve(arg.get(1));
                if (a == null || b == null || a == NO_VALUE || b == NO_VALUE) {
                    return Optional.empty();
                }
                return Optional.of(a.isValueNode() && b.isValueNode() ? a.asText().equals(b.asText()) : a.equals(b));
            }
            case "Fn::Not":
                return arg.isArray() && arg.size() == 1 ? bool(arg.get(0)).map(b -> !b) : Optional.empty();
            case "Fn::And":
            case "Fn::Or": {
                if (!arg.isArray()) {
                    return Optional.empty();
                }
                boolean and = fn.equals("Fn::And");
                boolean unknown = false;
                for (JsonNode e : arg) {
                    Optional<Boolean> b = bool(e);
                    if (b.isEmpty()) {
                        unknown = true;
                    } else if (b.get() != and) {
                        return Optional.of(!and); // one false decides an And, one true an Or
                    }
                }
                return unknown ? Optional.empty() : Optional.of(and);
            }
            default: {
                JsonNode r = resolve(c);
                return r != null && r.isBoolean() ? Optional.of(r.booleanValue()) : Optional.empty();
            }
        }
    }
}
