package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estimate} with a workload's Reserved Instances and Savings Plans, rated from AWS's offer files. */
class CommitmentsCommandTest {

    static final Path EC2_2017 = Path.of("../shared/sources/raw/aws-offer-files/AmazonEC2-PriceListTestData-2017-08-03.json");
    static final Path PLANS = Path.of("compute-cost/src/test/resources/commitment/savings-plans-test.json");

    static final String WORKLOAD = """
            region: us-east-1
            reservedInstances:
              - instanceType: c5.xlarge
                count: 1
                term: 1y
                payment: partial-upfront
            savingsPlans:
              - type: compute
                term: 1y
                payment: no-upfront
                commitmentPerHour: "0.25"
            resources:
              - name: app
                type: ec2
                instanceType: c5.xlarge
                count: 3
              - name: api
                type: lambda
                memoryMb: 1024
                requestsPerMonth: 10000000
                durationMs: 200
            """;

    Path write(Path dir, String text) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void anEstimateAddsTheMonthWithTheFilesCommitments(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(EC2_2017), "AWS's 2017 EC2 offer sample is not beside the project");
        Path f = write(dir, WORKLOAD);
        CliRunner r = CliRunner.run("estimate", f.toString(), "--commitment-rates", EC2_2017.toString(),
                "--commitment-rates", PLANS.toString());
        assertEquals(0, r.exitCode(), r.err());
        // The reservation covers one instance (0.051 × 730 + 447 / 12), the plan 0.25 an hour: the other two
        // instances first (0.119 against 0.17, the larger discount), then Lambda duration with what is left.
        assertTrue(r.out().contains("Total: 400.77 USD per month"), r.out());
        assertTrue(r.out().contains("With commitments (730 hours): 275.71 USD per month  (exact 275.7133672); "
                + "on-demand 400.77, saving 125.05"), r.out());
        assertTrue(r.out().contains("upfront 447 amortised = 37.25"), r.out());
        CliRunner json = CliRunner.run("estimate", f.toString(), "--format", "json", "--commitment-rates",
                EC2_2017.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(EstimateSchemaTest.SCHEMA.validate(TestJson.json().readTree(json.out())).isEmpty(),
                "the published schema of the JSON estimate covers the commitments: "
                        + EstimateSchemaTest.SCHEMA.validate(TestJson.json().readTree(json.out())));
        JsonNode c = TestJson.json().readTree(json.out()).path("commitments");
        assertEquals("275.7133672", c.path("totalMonthlyCostExact").asText());
        assertEquals("74.48", c.path("reservedInstances").get(0).path("chargedExact").asText());
        assertEquals("182.50", c.path("savingsPlans").get(0).path("commitmentExact").asText(), "0.25 × 730");
        assertEquals("173.74", c.path("resources").get(0).path("savingsPlansExact").asText(), "1460 h × 0.119");
        assertEquals("400.76672", TestJson.json().readTree(json.out()).path("totalMonthlyCostExact").asText(),
                "the on-demand estimate is unchanged");
    }

    @Test
    void importPricesWritesTheCommitmentRatesThatPricingDataThenGives(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(EC2_2017), "AWS's 2017 EC2 offer sample is not beside the project");
        Path out = dir.resolve("prices");
        CliRunner imp = CliRunner.run("import-prices", "--commitment-offer", EC2_2017.toString(), PLANS.toString(),
                "--out", out.toString());
        assertEquals(0, imp.exitCode(), imp.err());
        assertTrue(imp.out().contains("57 Reserved offerings, 6 Savings Plans rates"), imp.out());
        assertTrue(Files.isRegularFile(out.resolve("commitments/commitment-rates.json")));
        Path f = write(dir, WORKLOAD);
        CliRunner r = CliRunner.run("estimate", f.toString(), "--pricing-data", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("With commitments (730 hours): 275.71 USD per month  (exact 275.7133672)"),
                r.out());
        CliRunner none = CliRunner.run("import-prices", "--out", out.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("--commitment-offer"), none.err());
    }

    @Test
    void commitmentsWithoutRatesOrWithoutAnOfferingAreOneLineExit2(@TempDir Path dir) throws Exception {
        Path f = write(dir, WORKLOAD);
        CliRunner none = CliRunner.run("estimate", f.toString());
        assertEquals(2, none.exitCode());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        assertTrue(none.err().contains(f + ": reservedInstances / savingsPlans: 2 commitments stated, and no rates")
                && none.err().contains("--commitment-rates"), none.err());
        CliRunner missing = CliRunner.run("estimate", f.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains(f + ": reserved instance 1 × c5.xlarge us-east-1 Linux 1yr standard "
                + "Partial Upfront: the offer files given have no such offering"), missing.err());
        Path typo = write(dir, WORKLOAD.replace("payment: partial-upfront", "payment: some-upfront"));
        CliRunner bad = CliRunner.run("estimate", typo.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("$.reservedInstances[0].payment: must be no-upfront, partial-upfront or "
                + "all-upfront, was \"some-upfront\""), bad.err());
        Path key = write(dir, WORKLOAD.replace("commitmentPerHour", "commitment"));
        CliRunner unknown = CliRunner.run("estimate", key.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("$.savingsPlans[0]") && unknown.err().contains("commitment"), unknown.err());
        assertTrue(!none.err().contains("Exception") && !bad.err().contains("\tat "), bad.err());
    }

    @Test
    void aUsageProfileShapesTheHoursCommitmentsApplyTo(@TempDir Path dir) throws Exception {
        String half = "[" + "0, ".repeat(12) + "1, ".repeat(11) + "1]";
        Path f = write(dir, """
                region: us-east-1
                savingsPlans:
                  - type: compute
                    term: 1y
                    payment: no-upfront
                    commitmentPerHour: "0.033"
                usageProfiles:
                  - resources: [api]
                    daily: %s
                resources:
                  - name: api
                    type: lambda
                    memoryMb: 1024
                    requestsPerMonth: 10000000
                    durationMs: 200
                """.formatted(half));
        CliRunner r = CliRunner.run("estimate", f.toString(), "--commitment-rates", PLANS.toString(), "--format",
                "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode c = TestJson.json().readTree(r.out()).path("commitments");
        assertEquals(370, c.path("savingsPlans").get(0).path("unusedHours").asInt(), "the quiet half of every day");
        assertTrue(c.path("notes").toString().contains("usageProfiles (api; the others flat)"), c.toString());
        CliRunner rec = CliRunner.run("recommend-commitment", f.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(0, rec.exitCode(), rec.err());
        assertTrue(rec.out().contains("spread by its usageProfiles") && rec.out().contains("No commitment saves "
                + "anything"), rec.out());
        String text = Files.readString(f);
        Path short23 = write(dir, text.replace(half, "[" + "1, ".repeat(22) + "1]"));
        CliRunner bad = CliRunner.run("estimate", short23.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("$.usageProfiles[0]: a usage profile has 24 weights (a day) or 168 (a week), "
                + "was 23"), bad.err());
        Path unknown = write(dir, text.replace("resources: [api]", "resources: [apj]"));
        CliRunner name = CliRunner.run("estimate", unknown.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(2, name.exitCode());
        assertTrue(name.err().contains("usageProfiles: no resource \"apj\" was priced"), name.err());
    }
}
