package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation and SAM YAML, turning the short intrinsic-function tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) into their JSON long form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), so YAML
 * and JSON templates are read the same way. Decimals become {@link BigDecimal}, never {@code double}.
 */
final class CfnYaml {

    private static final List<String> FUNCTIONS = Arrays.asList("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Not", "Equals", "And", "Or",
            "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "ToJsonString", "Length");

    private CfnYaml() {
    }

    /** @return the document as maps, lists and scalars */
    static Object load(String text) {
        LoaderOptions options = Json.loaderOptions();
        return new Yaml(new Constructor(options)).load(text);
    }

    /**
     * The loaded document as a Jackson tree, built by hand rather than by an {@code ObjectMapper} (whose set-up
     * is a fifth of the command line's start-up). Timestamps, which YAML makes of unquoted dates such as a
     * template's {@code AWSTemplateFormatVersion: 2010-09-09}, become ISO-8601 text.
     */
    static JsonNode tree(Object doc) {
        JsonNodeFactory f = Json.nodes();
        if (doc == null) {
            return f.nullNode();
        } else if (doc instanceof Map<?, ?> map) {
            ObjectNode o = f.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), tree(v)));
            return o;
        } else if (doc instanceof List<?> list) {
            ArrayNode a = f.arrayNode();
            list.forEach(v -> a.add(tree(v)));
            return a;
        } else if (doc instanceof String text) {
            return f.textNode(text);
        } else if (doc instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (doc instanceof Integer i) {
            return f.numberNode(i);
        } else if (doc instanceof Long l) {
            return f.numberNode(l);
        } else if (doc instanceof BigInteger b) {
            return f.numberNode(bounded(new BigDecimal(b)).toBigIntegerExact());
        } else if (doc instanceof BigDecimal d) {
            return f.numberNode(bounded(d));
        } else if (doc instanceof byte[] bytes) {
            return f.binaryNode(bytes);
        } else if (doc instanceof Date date) {
            return f.textNode(date.toInstant().toString());
        }
        throw new IllegalArgumentException("unexpected YAML value of type " + doc.getClass().getSimpleName());
    }

    /** A number within the readers' bounds ({@link Json#outOfRange}), or a refusal that quotes an excerpt of it. */
    private static BigDecimal bounded(BigDecimal v) {
        if (Json.outOfRange(v)) {
            throw new IllegalArgumentException(Json.outOfRangeMessage("a number", v.toString()));
        }
        return v;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.FLOAT, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String v = ((ScalarNode) node).getValue().replace("_", "");
                    try {
                        return new BigDecimal(v);
                    } catch (NumberFormatException e) {
                        return v; // .inf, .nan: kept as text, rejected where a number is needed
                    }
                }
            });
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String f : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    value = s.getValue();
                    if (key.equals("Fn::GetAtt")) {
                        String v = s.getValue();
                        int dot = v.indexOf('.');
                        value = dot < 0 ? List.of(v) : List.of(v.substring(0, dot), v.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode seq) {
                    List<Object> items = new ArrayList<>();
                    for (Node n : seq.getValue()) {
                        items.add(constructObject(n));
                    }
                    value = items;
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(key, value);
                return out;
            }
        }
    }
}
