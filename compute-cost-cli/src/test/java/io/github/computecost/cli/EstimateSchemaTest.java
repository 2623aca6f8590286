package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schema of the JSON estimate ({@code schema/estimate.schema.json}) held to what the command line
 * writes: every golden JSON estimate, and estimates that fill every part of the contract (budgets, violations, both
 * kinds of not-priced entries, derived prices, usage-based resources), are valid; the schema allows no field the
 * output lacks a meaning for, so a field added to the output without the schema, a money figure written as a number,
 * or a misspelt field fails.
 */
class EstimateSchemaTest {

    static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TestJson.json()
                    .readTree(Files.readString(Path.of("schema/estimate.schema.json"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode estimate(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("estimate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        // 1 a budget over, 2 a price missing: the estimate is written all the same
        assertTrue(r.exitCode() <= 2 && !r.out().isEmpty(), r.err());
        return TestJson.json().readTree(r.out());
    }

    @Test
    void everyGoldenJsonEstimateIsValid() throws IOException {
        List<Path> golden;
        try (Stream<Path> s = Files.list(Path.of("compute-cost-cli/src/test/resources/golden"))) {
            // The estimates: <example>.json (compare and tune-memory have contracts of their own).
            golden = s.filter(p -> p.getFileName().toString().matches("[a-z]+\\.json")).sorted().toList();
        }
        assertEquals(3, golden.size(), golden.toString());
        for (Path p : golden) {
            Set<ValidationMessage> errors = SCHEMA.validate(TestJson.json().readTree(Files.readString(p)));
            assertTrue(errors.isEmpty(), p + ": " + errors);
        }
    }

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @Test
    void estimatesThatFillEveryPartOfTheContractAreValid() throws IOException {
        String tf = "compute-cost-cli/src/test/resources/terraform/";
        // A duration tier priced by a derivation rule (af-south-1's second tier), and a bundle no source prices.
        Path derived = tmp.resolve("derived.yaml");
        Files.writeString(derived, """
                region: af-south-1
                resources:
                  - { name: big, type: lambda, memoryMb: 10240, requestsPerMonth: 1000000000, durationMs: 1000 }
                  - { name: blog, type: lightsail, region: eu-west-1, bundle: small_3_0 }
                """);
        List<JsonNode> outputs = List.of(
                estimate(tf + "services.json", "--usage", tf + "services-usage.yaml"), // not priced by type
                estimate(tf + "plan.json"), // warnings, an unknown value, usage-based resources
                estimate("examples/orders.yaml"), // budgets
                estimate(derived.toString()), // a derived price and its rule, a missing price
                estimate("compute-cost/src/test/resources/config/platform.yaml")); // violations, a template
        Set<String> kinds = new java.util.TreeSet<>();
        boolean budgets = false;
        boolean violations = false;
        boolean usageBased = false;
        boolean derivedPrices = false;
        for (JsonNode o : outputs) {
            Set<ValidationMessage> errors = SCHEMA.validate(o);
            assertTrue(errors.isEmpty(), errors + " in " + o);
            o.get("notPriced").forEach(n -> kinds.add(n.get("kind").asText()));
            budgets |= o.get("budgets").size() > 0;
            violations |= o.get("violations").size() > 0;
            usageBased |= o.get("usageBased").size() > 0;
            derivedPrices |= o.get("prices").get("derived").asBoolean() && o.get("derivationRules").size() > 0;
        }
        assertEquals(Set.of("missing-price", "unsupported-type"), kinds);
        assertTrue(budgets && violations && usageBased && derivedPrices, "the outputs reach every part of the "
                + "contract");
    }

    @Test
    void eachTableCarriesTheDatesOfThePricesUsedFromIt() throws IOException {
        // One table: its dates are its line items' (orders: Lambda only), its age counted to --today.
        JsonNode one = estimate("examples/orders.yaml", "--today", "2026-12-02");
        java.util.TreeSet<String> asOf = new java.util.TreeSet<>();
        one.get("resources").forEach(r -> r.get("lineItems").forEach(li -> asOf.add(li.get("priceAsOf").asText())));
        JsonNode lambda = one.get("pricing").get(0);
        assertEquals("AWSLambda", lambda.get("service").asText());
        assertEquals(asOf.last(), lambda.get("effectiveDate").asText());
        assertEquals(asOf.first(), lambda.get("oldestPriceDate").asText());
        assertEquals(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(asOf.last()),
                java.time.LocalDate.parse("2026-12-02")), lambda.get("ageDays").asLong());
        // Several tables: each its own, and together the estimate's range. EKS's prices are newer than EC2's
        // newest here, so a table's date is not the estimate's.
        String tf = "compute-cost-cli/src/test/resources/terraform/";
        JsonNode many = estimate(tf + "services.json", "--usage", tf + "services-usage.yaml", "--today", "2026-12-02");
        java.util.TreeSet<String> newest = new java.util.TreeSet<>();
        java.util.TreeSet<String> oldest = new java.util.TreeSet<>();
        java.util.Map<String, String> effective = new java.util.TreeMap<>();
        for (JsonNode p : many.get("pricing")) {
            assertTrue(p.has("effectiveDate"), "every table has prices used, with usage for every resource: " + p);
            newest.add(p.get("effectiveDate").asText());
            oldest.add(p.get("oldestPriceDate").asText());
            effective.put(p.get("service").asText(), p.get("effectiveDate").asText());
        }
        assertEquals(7, effective.size(), effective.toString());
        assertEquals(many.get("prices").get("newest").asText(), newest.last());
        assertEquals(many.get("prices").get("oldest").asText(), oldest.first());
        java.util.TreeSet<String> ecr = new java.util.TreeSet<>();
        TestJson.resource(many, "aws_ecr_repository.images").get("lineItems").forEach(li -> ecr.add(
                li.get("priceAsOf").asText()));
        assertEquals(ecr.last(), effective.get("AmazonECR"));
        assertTrue(effective.values().stream().distinct().count() > 1, effective.toString());
        assertTrue(SCHEMA.validate(many).isEmpty());
    }

    @Test
    void aFieldTheSchemaDoesNotKnowOrAMoneyFigureAsANumberIsInvalid() throws IOException {
        JsonNode good = estimate("examples/orders.yaml");
        assertTrue(SCHEMA.validate(good).isEmpty());
        ObjectNode extra = good.deepCopy();
        extra.put("totalMonthlyCostRounded", "1.00");
        assertEquals(1, SCHEMA.validate(extra).size(), SCHEMA.validate(extra).toString());
        ObjectNode number = good.deepCopy();
        number.put("totalMonthlyCostExact", new java.math.BigDecimal("18.7333"));
        assertTrue(!SCHEMA.validate(number).isEmpty());
        ObjectNode typo = good.deepCopy();
        ((ObjectNode) typo.get("resources").get(0)).set("montlyCost", typo.get("resources").get(0).get("monthlyCost"));
        ((ObjectNode) typo.get("resources").get(0)).remove("monthlyCost");
        assertTrue(SCHEMA.validate(typo).size() >= 2, "a misspelt field is unknown, and the field is missing");
        ObjectNode rounded = good.deepCopy();
        rounded.put("totalMonthlyCost", "18.7");
        assertTrue(!SCHEMA.validate(rounded).isEmpty(), "a rounded figure has two decimals");
        // Every top-level field the output writes is one the schema lists as required, in the output's order.
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = good.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        List<String> required = new ArrayList<>();
        TestJson.json().readTree(Files.readString(Path.of("schema/estimate.schema.json"))).get("required")
                .forEach(n -> required.add(n.asText()));
        assertEquals(required, fields);
    }
}
