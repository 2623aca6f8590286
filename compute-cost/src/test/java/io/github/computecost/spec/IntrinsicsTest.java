package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.Json;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CloudFormation's intrinsic functions as evaluated before deployment (CloudFormation's documented semantics). */
class IntrinsicsTest {

    static final String TEMPLATE = """
            {"Parameters": {
               "Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]},
               "Sizes": {"Type": "CommaDelimitedList", "Default": "small, large"},
               "NoDefault": {"Type": "String"}},
             "Mappings": {"Size": {"small": {"Mb": "512"}, "large": {"Mb": "2048"}}},
             "Conditions": {
               "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
               "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]},
               "Both": {"Fn::And": [{"Condition": "NotProd"}, {"Fn::Equals": ["a", "a"]}]},
               "Unknown": {"Fn::Equals": [{"Ref": "NoDefault"}, "x"]},
               "OrDecided": {"Fn::Or": [{"Condition": "Unknown"}, {"Condition": "NotProd"}]},
               "Loop": {"Fn::Not": [{"Condition": "Loop"}]}}}
            """;

    static Intrinsics of(Map<String, String> given, String region) throws Exception {
        return new Intrinsics(Json.readTree(TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8), false), given,
                Optional.ofNullable(region));
    }

    static JsonNode node(String json) throws Exception {
        return Json.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    @Test
    void conditionsFollowParametersAndStayUnknownWithoutThem() throws Exception {
        Intrinsics i = of(Map.of(), "eu-west-1");
        assertEquals(Optional.of(false), i.condition("IsProd"));
        assertEquals(Optional.of(true), i.condition("Both"));
        assertEquals(Optional.empty(), i.condition("Unknown"));
        assertEquals(Optional.of(true), i.condition("OrDecided"), "one true decides an Or");
        assertEquals(Optional.empty(), i.condition("Loop"), "a condition defined by itself is unknown, not a crash");
        assertEquals(Optional.of(true), of(Map.of("Env", "prod"), null).condition("IsProd"));
        assertThrows(IllegalArgumentException.class, () -> of(Map.of("Env", "staging"), null));
    }

    @Test
    void valuesResolveAsCloudFormationResolvesThem() throws Exception {
        Intrinsics i = of(Map.of(), "cn-north-1");
        assertEquals("2048", i.resolve(node("{\"Fn::FindInMap\": [\"Size\", {\"Fn::Select\": [1, {\"Ref\": "
                + "\"Sizes\"}]}, \"Mb\"]}")).asText());
        assertEquals("a-b-c", i.resolve(node("{\"Fn::Join\": [\"-\", {\"Fn::Split\": [\",\", \"a,b,c\"]}]}")).asText());
        assertEquals("dev-cn-north-1-aws-cn-x-${Literal}", i.resolve(node("{\"Fn::Sub\": [\"${Env}-${AWS::Region}-"
                + "${AWS::Partition}-${V}-${!Literal}\", {\"V\": \"x\"}]}")).asText());
        assertEquals("small", i.resolve(node("{\"Fn::If\": [\"IsProd\", \"large\", \"small\"]}")).asText());
        assertEquals(Intrinsics.ACCOUNT_PLACEHOLDER, i.resolve(node("{\"Ref\": \"AWS::AccountId\"}")).asText());
        assertEquals(2, i.resolve(node("{\"Fn::Length\": {\"Ref\": \"Sizes\"}}")).asInt());
        assertNull(i.resolve(node("{\"Fn::GetAtt\": [\"Fn\", \"Arn\"]}")), "known only once deployed");
        assertNull(i.resolve(node("{\"Ref\": \"MyBucket\"}")), "a resource");
        assertNull(i.resolve(node("{\"Fn::Sub\": \"${MyBucket.Arn}\"}")));
        assertNull(of(Map.of(), null).resolve(node("{\"Ref\": \"AWS::Region\"}")), "no region given");
    }

    @Test
    void deepEvaluationRemovesNoValueAndKeepsWhatItCannotResolve() throws Exception {
        Intrinsics i = of(Map.of(), null);
        JsonNode d = i.deep(node("{\"A\": {\"Fn::If\": [\"IsProd\", 1, {\"Ref\": \"AWS::NoValue\"}]}, \"B\": [1, "
                + "{\"Ref\": \"AWS::NoValue\"}, {\"Ref\": \"Env\"}], \"C\": {\"Fn::GetAtt\": [\"X\", \"Y\"]},"
                + " \"D\": {\"Condition\": {\"StringEquals\": {\"k\": \"v\"}}}}"));
        assertTrue(!d.has("A"), d.toString());
        assertEquals("[1,\"dev\"]", d.get("B").toString());
        assertEquals("{\"Fn::GetAtt\":[\"X\",\"Y\"]}", d.get("C").toString());
        assertEquals("{\"Condition\":{\"StringEquals\":{\"k\":\"v\"}}}", d.get("D").toString(),
                "an IAM statement's Condition is not the condition function");
        assertSame(Intrinsics.NO_VALUE, i.deep(node("{\"Ref\": \"AWS::NoValue\"}")));
    }
}
