package io.github.computecost.pricelist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Csv;
import io.github.computecost.internal.Json;
import io.github.computecost.pricelist.TableDraft.TierDraft;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PricingDataException;
import io.github.computecost.pricing.ServicePrices;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds every bundled table ({@code pricing-data/}) from its inputs: the recipe (the project's
 * {@code pricing-src/}: what no data file holds, such as usage types, limits, free tiers, billing rules,
 * prices quoted from AWS's pages, and which source each fact comes from) and the sourced data files (a
 * directory laid out as {@code shared/sources}: Price List offer files, the pricing calculator's metered-unit
 * map, sourced CSVs).
 *
 * <p>The result is a pure function of the inputs: the same inputs give the same bytes, so the bundle can be
 * checked against a rebuild. Every price carries the sources that give it; a price two sources give is kept
 * once, citing both, and two sources that disagree stop the build. What the inputs lack is left out and listed
 * in the notes, never filled in.
 */
public final class BundleBuilder {

    /**
     * A build's output.
     *
     * @param files path relative to the output directory ({@code "lambda.json"}, {@code "aws-cn/ec2.json"}) to
     *     content, every file of the bundle
     * @param notes what was left out, what disagreed and how it was resolved
     */
    public record Result(SortedMap<String, String> files, List<String> notes) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal TB_IN_GB = BigDecimal.valueOf(1024);

    private final Path recipe;
    private final Path sources;
    private final Map<String, String[]> regions = new LinkedHashMap<>(); // code -> name, billing code, book, sources
    private final ObjectNode commonSources;
    private final Map<String, TableDraft> tables = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> usedSkeletons = new java.util.HashSet<>();

    private BundleBuilder(Path recipe, Path sources) {
        this.recipe = recipe;
        this.sources = sources;
        for (Map<String, String> r : csv(recipe.resolve("regions.csv"))) {
            regions.put(r.get("region"), new String[] {r.get("name"), r.get("billingCode"), r.get("book"),
                r.get("sources"), r.get("location")});
        }
        commonSources = (ObjectNode) json(recipe.resolve("common.json")).path("sources");
    }

    /**
     * @param recipe the recipe directory ({@code pricing-src})
     * @param sources the sourced data ({@code shared/sources})
     * @return every file of the bundle, validated
     * @throws PriceListException if an input is missing or malformed, or two sources disagree
     */
    public static Result build(Path recipe, Path sources) {
        BundleBuilder b = new BundleBuilder(recipe, sources);
        b.lambda();
        b.edge();
        b.fargate();
        b.ec2();
        b.lightsail();
        b.recipeOnly();
        return b.finish();
    }

    /**
     * Writes a build into a directory: every file of the bundle, and removes any other table there (a table the
     * recipe no longer builds).
     *
     * @param r the build's result
     * @param dir the bundle's directory
     */
    public static void write(Result r, Path dir) {
        try {
            Files.createDirectories(dir);
            Set<Path> keep = new java.util.HashSet<>();
            for (Map.Entry<String, String> f : r.files().entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                keep.add(p.normalize());
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.filter(p -> p.toString().endsWith(".json")).toList()) {
                    if (!keep.contains(p.normalize())) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new PriceListException("cannot write into " + dir + ": " + e.getMessage());
        }
    }

    /**
     * @param r the build's result
     * @param dir the bundle's directory
     * @return the bundle files in a directory that a build's result would add, remove or change (relative paths,
     *     with {@code +}, {@code -} or {@code ~})
     */
    public static List<String> changedFiles(Result r, Path dir) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, String> f : r.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            seen.add(f.getKey());
            if (!Files.exists(p)) {
                out.add("+ " + f.getKey());
            } else {
                try {
                    if (!Files.readString(p, StandardCharsets.UTF_8).equals(f.getValue())) {
                        out.add("~ " + f.getKey());
                    }
                } catch (IOException e) {
                    throw new PriceListException(p + ": cannot be read: " + e.getMessage());
                }
            }
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(p -> p.toString().endsWith(".json") || p.getFileName().toString().equals("README.md"))
                        .map(p -> dir.relativize(p).toString().replace('\\', '/')).filter(p -> !seen.contains(p))
                        .sorted().forEach(p -> out.add("- " + p));
            } catch (IOException e) {
                throw new PriceListException(dir + ": cannot be listed: " + e.getMessage());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- Lambda

    private static final Map<String, String> LAMBDA_METERS = Map.of(
            "Lambda Requests", "Request",
            "Lambda Requests-ARM", "Request-ARM",
            "Lambda Duration", "Lambda-GB-Second",
            "Lambda Duration-ARM", "Lambda-GB-Second-ARM",
            "Lambda Storage-Duration", "Lambda-Storage-GB-Second",
            "Lambda Storage-Duration-ARM", "Lambda-Storage-GB-Second-ARM",
            "Lambda Provisioned-Concurrency", "Lambda-Provisioned-Concurrency",
            "Lambda Duration-Provisioned", "Lambda-Provisioned-GB-Second");

    /** Tier-1 bounds of Lambda duration, in GB-seconds a month (AWS Compute Blog), by usage type. */
    private static final Map<String, BigDecimal[]> LAMBDA_TIERS = Map.of(
            "Lambda-GB-Second", new BigDecimal[] {new BigDecimal("6000000000"), new BigDecimal("15000000000")},
            "Lambda-GB-Second-ARM", new BigDecimal[] {new BigDecimal("7500000000"), new BigDecimal("18750000000")});

    private void lambda() {
        TableDraft usd = table("lambda.json", "lambda.json", "USD");
        TableDraft cny = table("aws-cn/lambda.json", "lambda.json", "CNY");
        // China: no source read states the free tier there (AWS's China regions are sold by local partners).
        cny.skeleton.putArray("freeTier");
        cny.skeleton.put("title", cny.skeleton.path("title").asText() + ", China regions (CNY)");
        for (Map<String, String> r : csv(sources.resolve("lambda/lambda-prices-by-region-aws-calculator-map-remotion.csv"))) {
            String meter = r.get("calculatorMeterName");
            String ut = LAMBDA_METERS.get(meter);
            if (ut == null) {
                throw new PriceListException("lambda calculator map: unknown meter \"" + meter + "\"");
            }
            TableDraft t = switch (r.get("currency")) {
                case "USD" -> usd;
                case "CNY" -> cny;
                default -> throw new PriceListException("lambda calculator map: currency " + r.get("currency"));
            };
            BigDecimal price = decimal(r.get("pricePerUnit"), "lambda calculator map " + r);
            t.put(r.get("region"), ut, lambdaTier1(ut, price, "aws-calculator-lambda-map"), "calculator map");
        }
        // AWS's own map, where a maintainer has downloaded it beside the transcription: the same facts, so the two
        // must agree (a price both give cites both), and it may add what the transcription lacks.
        Path map = sources.resolve("lambda/aws-calculator-lambda-map.json");
        if (Files.exists(map)) {
            CalculatorMap.Read read = CalculatorMap.read(map);
            ObjectNode src = ((ObjectNode) usd.skeleton.path("sources")).putObject("aws-calculator-lambda-map-file");
            src.put("url", "https://calculator.aws/pricing/2.0/meteredUnitMaps/lambda/USD/current/lambda.json");
            src.put("title", "AWS Pricing Calculator metered-unit map for Lambda, read from AWS's own file");
            src.put("asOf", read.published());
            src.put("checked", read.published());
            src.put("note", "The map as published on " + read.published() + " (its manifest's publicationDate).");
            for (CalculatorMap.Meter m : read.meters()) {
                String code = regionOfLocation(m.location(), map);
                if (PriceBook.isChina(code)) {
                    notes.add("aws-calculator-lambda-map.json: " + code + " passed over (China is priced in CNY, "
                            + "not from the USD map)");
                    continue;
                }
                String ut = LAMBDA_METERS.get(m.meter());
                if (ut == null) {
                    notes.add("aws-calculator-lambda-map.json: meter \"" + m.meter() + "\" is not one compute-cost "
                            + "prices; passed over");
                    continue;
                }
                usd.put(code, ut, lambdaTier1(ut, m.price(), "aws-calculator-lambda-map-file"), "calculator map file");
            }
        }
        // China: Infracost's golden test prices x86 duration, x86 storage and requests in cn-north-1.
        for (Map<String, String> g : csv(sources.resolve("multi-service/infracost-golden-aws-line-items-2026-08.csv"))) {
            if (!g.get("testCase").equals("lambda_function_china_test") || g.get("statedUnitPrice").isEmpty()) {
                continue;
            }
            BigDecimal p = decimal(g.get("statedUnitPrice"), "infracost " + g);
            String ut;
            switch (g.get("component")) {
                case "Duration" -> ut = "Lambda-GB-Second";
                case "Ephemeral storage" -> ut = "Lambda-Storage-GB-Second";
                case "Requests" -> {
                    ut = "Request";
                    p = p.divide(MILLION); // "per 1M requests"
                }
                default -> throw new PriceListException("infracost lambda China: unknown component " + g.get("component"));
            }
            cny.put(g.get("regionInTf"), ut, lambdaTier1(ut, p, "infracost-golden-lambda-china"), "infracost golden");
        }
        for (TableDraft t : List.of(usd, cny)) {
            manual(t);
            for (String region : t.prices.keySet()) {
                for (String ut : LAMBDA_TIERS.keySet()) {
                    completeLambdaTiers(t, region, ut);
                }
            }
        }
        // The rule must reproduce the tiers AWS's Price List gives in us-east-1, or it is not AWS's rule.
        for (String ut : LAMBDA_TIERS.keySet()) {
            List<TierDraft> east = usd.get("us-east-1", ut).orElseThrow();
            for (int i = 1; i < 3; i++) {
                BigDecimal rule = lambdaDiscount(east.get(0).price(), i);
                if (!east.get(i).status().equals("confirmed") || rule.compareTo(east.get(i).price()) != 0) {
                    throw new PriceListException("lambda.json: rule lambda-duration-tiers gives " + rule.toPlainString()
                            + " for us-east-1 " + ut + " tier " + (i + 1) + ", AWS's Price List " + east.get(i).price());
                }
            }
        }
        notes.add("lambda.json: duration tiers 2 and 3 outside us-east-1 are derived (rule lambda-duration-tiers, "
                + "checked against us-east-1's Price List); Arm provisioned concurrency and SnapStart have a source in "
                + "us-east-1 only, and are absent elsewhere.");
        cny.note("cn-north-1", "No source read gives duration beyond the first tier, provisioned concurrency, SnapStart "
                + "or Arm requests; usage of them is refused. No source read states Lambda's free tier in China: none is "
                + "applied.");
        cny.note("cn-northwest-1", "The calculator map gives Arm duration, Arm storage and requests only; no x86 duration "
                + "price is sourced for this region.");
    }

    private static List<TierDraft> lambdaTier1(String ut, BigDecimal price, String source) {
        BigDecimal[] bounds = LAMBDA_TIERS.get(ut);
        return List.of(bounds == null ? TierDraft.flat(price, source)
                : TierDraft.confirmed(BigDecimal.ZERO, Optional.of(bounds[0]), price, source));
    }

    /** Tier 2 is tier 1 less 10 %, tier 3 less 20 %, rounded half up to 10 decimals (AWS Compute Blog). */
    static BigDecimal lambdaDiscount(BigDecimal tier1, int tier) {
        BigDecimal factor = tier == 1 ? new BigDecimal("0.9") : new BigDecimal("0.8");
        return tier1.multiply(factor).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private void completeLambdaTiers(TableDraft t, String region, String ut) {
        Optional<List<TierDraft>> found = t.get(region, ut);
        if (found.isEmpty() || found.get().size() != 1 || !t.currency.equals("USD")) {
            return; // China: the blog's tiers are for AWS's own regions; tier 1 stays bounded
        }
        TierDraft first = found.get().get(0);
        BigDecimal[] b = LAMBDA_TIERS.get(ut);
        List<TierDraft> tiers = List.of(first,
                new TierDraft(b[0], Optional.of(b[1]), lambdaDiscount(first.price(), 1), "derived", first.sources(),
                        Optional.of("lambda-duration-tiers")),
                new TierDraft(b[1], Optional.empty(), lambdaDiscount(first.price(), 2), "derived", first.sources(),
                        Optional.of("lambda-duration-tiers")));
        t.prices.get(region).put(ut, tiers);
    }

    // ---------------------------------------------------------------- Lambda@Edge, CloudFront Functions

    private void edge() {
        TableDraft edge = table("lambda-edge.json", "lambda-edge.json", "USD");
        TableDraft cf = table("cloudfront.json", "cloudfront.json", "USD");
        for (Map<String, String> r : csv(sources.resolve("multi-service/edge-and-apprunner-unit-prices.csv"))) {
            BigDecimal p = decimal(r.get("pricePerUnitUsd"), "edge prices " + r);
            switch (r.get("service") + "/" + r.get("chargeType")) {
                case "Lambda@Edge/requests" -> edge.put("global", "Lambda-Edge-Request",
                        List.of(TierDraft.flat(p, "ligoj-lambda-edge-fixture")), "edge prices");
                case "Lambda@Edge/duration" -> edge.put("global", "Lambda-Edge-GB-Second",
                        List.of(TierDraft.flat(p, "ligoj-lambda-edge-fixture")), "edge prices");
                case "CloudFront Functions/invocations" -> cf.put("global", "Executions-CloudFrontFunctions",
                        List.of(TierDraft.flat(p, "vantage-cur-cloudfront")), "edge prices");
                default -> {
                    if (!r.get("service").equals("App Runner")) {
                        throw new PriceListException("edge prices: unknown row " + r.get("service") + " "
                                + r.get("chargeType"));
                    }
                }
            }
        }
        notes.add("edge-and-apprunner-unit-prices.csv: the App Runner rows are not used (compute-cost does not price "
                + "App Runner yet).");
        manual(edge);
        manual(cf);
    }

    // ---------------------------------------------------------------- Fargate

    private void fargate() {
        TableDraft od = table("fargate.json", "fargate.json", "USD");
        TableDraft spot = table("fargate-spot.json", "fargate-spot.json", "USD");
        for (Map<String, String> r : csv(sources.resolve("fargate/fargate-linux-prices-by-region-fgcalc-2021-01.csv"))) {
            boolean isSpot = switch (r.get("capacityProvider")) {
                case "FARGATE" -> false;
                case "FARGATE_SPOT" -> true;
                default -> throw new PriceListException("fgcalc: capacity provider " + r.get("capacityProvider"));
            };
            TableDraft t = isSpot ? spot : od;
            String pre = isSpot ? "SpotUsage-" : "";
            t.put(r.get("region"), pre + "Fargate-vCPU-Hours:perCPU",
                    List.of(TierDraft.flat(decimal(r.get("pricePerVcpuHourUsd"), "fgcalc"), "fgcalc-fargate")), "fgcalc");
            t.put(r.get("region"), pre + "Fargate-GB-Hours",
                    List.of(TierDraft.flat(decimal(r.get("pricePerGbHourUsd"), "fgcalc"), "fgcalc-fargate")), "fgcalc");
        }
        Set<String> known = fieldNames(od.skeleton.path("usageTypes"));
        for (Map<String, String> r : csv(sources.resolve("fargate/ecs-fargate-us-east-1-getproducts-2022-11-21.csv"))) {
            String base = stripPrefix(r.get("usageType"));
            if (!known.contains(base)) {
                continue; // ECS Anywhere and ECS-on-EC2 metering: not Fargate
            }
            if (!r.get("beginRange").equals("0") || !r.get("endRange").equals("Inf")) {
                throw new PriceListException("ECS GetProducts: a tiered Fargate price: " + r);
            }
            od.put(r.get("regionCode"), base, List.of(TierDraft.flat(decimal(r.get("pricePerUnitUsd"), "GetProducts")
                    .stripTrailingZeros(), "aws-ecs-getproducts-2022")), "GetProducts");
        }
        Offer eu = OfferReader.read(sources.resolve("raw/ligoj-test-fixtures/AmazonECS-eu-west-1-index.csv"), a -> true,
                false);
        for (OfferRow row : eu.rows()) {
            String base = stripPrefix(row.attribute("usagetype"));
            if (!known.contains(base)) {
                continue;
            }
            od.put(row.attribute("regioncode"), base, List.of(TierDraft.flat(row.priceUsd().stripTrailingZeros(),
                    "ligoj-ecs-eu-west-1")), "eu-west-1 Price List CSV");
        }
        eu.skipped().forEach((reason, n) -> notes.add("AmazonECS-eu-west-1-index.csv: " + n + " line(s) passed over: "
                + reason));
        // Spot tasks' storage bills under the same usage type as on-demand tasks': where its price has a source,
        // it is the same price (the same AWS usage type in the same region).
        for (String region : new TreeSet<>(od.prices.keySet())) {
            od.get(region, "Fargate-EphemeralStorage-GB-Hours").ifPresent(s -> {
                if (spot.prices.containsKey(region)) {
                    spot.put(region, "Fargate-EphemeralStorage-GB-Hours", s, "on-demand storage");
                }
            });
        }
        manual(od);
        manual(spot);
        notes.add("fargate.json: Arm, Windows and ephemeral storage prices have sources in us-east-1 and eu-west-1 only; "
                + "elsewhere only Linux/x86 vCPU and memory (2021).");
        notes.add("fargate-spot.json: Spot rates are fgcalc's 2021-01 snapshot; AWS adjusts them, so estimates say how "
                + "old they are. A 2019 snapshot in raw/ligoj-test-fixtures/spot-fargate.json disagrees and is older: "
                + "not used.");
    }

    private static String stripPrefix(String usageType) {
        int dash = usageType.indexOf('-');
        return dash > 0 && usageType.substring(0, dash).matches("[A-Z]+[0-9]*") ? usageType.substring(dash + 1)
                : usageType;
    }

    // ---------------------------------------------------------------- EC2

    private void ec2() {
        TableDraft usd = table("ec2.json", "ec2.json", "USD");
        TableDraft cny = table("aws-cn/ec2.json", "ec2.json", "CNY");
        cny.skeleton.put("title", cny.skeleton.path("title").asText() + ", China (Beijing), CNY");
        Map<String, Map<String, String>> specs = new TreeMap<>();
        for (Map<String, String> s : csv(sources.resolve("ec2/ec2-instance-specs-karpenter-2026-07-11.csv"))) {
            specs.put(s.get("instanceType"), s);
        }
        Map<String, Map<String, String>> info = new HashMap<>(); // ec2instances.info, us-east-1 Linux rows
        Map<String, String> infoLinuxPrice = new HashMap<>();
        Set<String> priced = new TreeSet<>();
        List<String> metal = new ArrayList<>();
        for (Map<String, String> r : csv(sources.resolve("ec2/ec2-ondemand-linux-usd-karpenter-2026-07-20.csv"))) {
            if (!r.get("priceListTenancyFilter").equals("Shared")) {
                metal.add(r.get("instanceType"));
                continue; // Dedicated-tenancy bare-metal prices: not the shared price we bundle
            }
            usd.put(r.get("region"), "BoxUsage:" + r.get("instanceType"), List.of(TierDraft.flat(
                    decimal(r.get("pricePerHourUsd"), "karpenter").stripTrailingZeros(), "karpenter-ec2-prices")),
                    "karpenter");
            if (r.get("region").equals("us-east-1")) {
                priced.add(r.get("instanceType"));
            }
        }
        int windows = 0;
        List<String> windowsLeftOut = new ArrayList<>();
        List<String> linuxDisagree = new ArrayList<>();
        List<Map<String, String>> infoRows = csv(sources.resolve("ec2/ec2-ondemand-ec2instancesinfo-leanercloud.csv"));
        for (Map<String, String> r : infoRows) {
            if (r.get("priceTerm").equals("OnDemand") && r.get("operatingSystem").equals("Linux")
                    && r.get("region").equals("us-east-1")) {
                info.put(r.get("instanceType"), r);
                infoLinuxPrice.put(r.get("instanceType"), r.get("pricePerHourUsd"));
            }
        }
        for (Map<String, String> r : infoRows) {
            if (!r.get("priceTerm").equals("OnDemand")) {
                continue; // the upstream-computed RI column is not a price AWS publishes
            }
            String type = r.get("instanceType");
            BigDecimal p = decimal(r.get("pricePerHourUsd"), "ec2instances.info").stripTrailingZeros();
            String region = r.get("region");
            if (region.equals("af-south-1")) {
                usd.put(region, "BoxUsage:" + type, List.of(TierDraft.flat(p, "ec2instancesinfo-af-south-1")),
                        "ec2instances.info");
                continue;
            }
            if (r.get("operatingSystem").equals("Linux")) {
                Optional<List<TierDraft>> k = usd.get(region, "BoxUsage:" + type);
                if (k.isPresent() && k.get().get(0).price().compareTo(p) == 0) {
                    usd.put(region, "BoxUsage:" + type, List.of(TierDraft.flat(p, "ec2instancesinfo-us-east-1")),
                            "ec2instances.info");
                } else if (k.isPresent()) {
                    // Two dated sources disagree: the newer (Karpenter, 2026-07) is bundled, the older set aside.
                    linuxDisagree.add(type + " " + p.toPlainString() + " (2023) / " + k.get().get(0).price()
                            .toPlainString() + " (2026)");
                } else if (k.isEmpty() && type.endsWith(".metal")) {
                    // Karpenter gives bare metal at its Dedicated price; ec2instances.info's is the shared one (2023).
                    usd.put(region, "BoxUsage:" + type, List.of(TierDraft.flat(p, "ec2instancesinfo-us-east-1")),
                            "ec2instances.info");
                    priced.add(type);
                }
                continue;
            }
            // Windows, 2023: kept only where that snapshot's Linux price still equals 2026's, so the licence
            // part is not known to have changed either.
            Optional<List<TierDraft>> linux = usd.get(region, "BoxUsage:" + type);
            String linux2023 = infoLinuxPrice.get(type);
            if (linux.isEmpty() || linux2023 == null
                    || linux.get().get(0).price().compareTo(new BigDecimal(linux2023)) != 0) {
                windowsLeftOut.add(type);
                continue;
            }
            usd.put(region, "BoxUsage:" + type + "/RunInstances:0002", List.of(TierDraft.flat(p,
                    "ec2instancesinfo-us-east-1")), "ec2instances.info");
            windows++;
        }
        for (Map<String, String> r : csv(sources.resolve("ec2/ec2-ondemand-linux-cny-karpenter-cn-north-1-2024-11-06.csv"))) {
            if (!r.get("priceListTenancyFilter").equals("Shared")) {
                continue;
            }
            cny.put(r.get("region"), "BoxUsage:" + r.get("instanceType"), List.of(TierDraft.flat(
                    decimal(r.get("pricePerHourCny"), "karpenter cn").stripTrailingZeros(), "karpenter-ec2-prices-cn")),
                    "karpenter cn");
        }
        for (TableDraft t : List.of(usd, cny)) {
            ObjectNode usageTypes = t.skeleton.putObject("usageTypes");
            ObjectNode catalog = t.skeleton.putObject("catalog");
            TreeSet<String> types = new TreeSet<>(Comparator.comparing(BundleBuilder::instanceOrder));
            t.prices.values().forEach(m -> m.keySet().forEach(u -> types.add(u)));
            Set<String> instanceTypes = new TreeSet<>(Comparator.comparing(BundleBuilder::instanceOrder));
            for (String u : types) {
                String type = u.substring("BoxUsage:".length()).replace("/RunInstances:0002", "");
                instanceTypes.add(type);
            }
            for (String type : instanceTypes) {
                ObjectNode linux = usageTypes.putObject("BoxUsage:" + type);
                linux.put("unit", "Hrs");
                linux.put("description", type + " Linux");
                if (types.contains("BoxUsage:" + type + "/RunInstances:0002")) {
                    ObjectNode win = usageTypes.putObject("BoxUsage:" + type + "/RunInstances:0002");
                    win.put("unit", "Hrs");
                    win.put("description", type + " Windows");
                }
                ObjectNode c = catalog.putObject(type);
                c.put("family", type.substring(0, type.indexOf('.')));
                Map<String, String> s = specs.get(type);
                Map<String, String> i = info.get(type);
                if (s != null) {
                    c.put("vcpu", s.get("vcpu"));
                    c.put("memoryGib", plain(s.get("memoryGib")));
                    c.put("architecture", s.get("architecture").equals("arm64") ? "arm64" : "x86_64");
                    c.put("burstable", s.get("burstablePerformanceFamily"));
                    c.put("gpus", s.get("gpuCount").isEmpty() ? "0" : s.get("gpuCount"));
                    if (!s.get("gpuName").isEmpty()) {
                        c.put("gpuName", s.get("gpuName"));
                    }
                    c.put("flex", s.get("capabilityFlex"));
                    c.put("specSource", "karpenter-ec2-specs");
                } else if (i != null) {
                    c.put("vcpu", i.get("vcpu"));
                    c.put("memoryGib", plain(i.get("memoryGib")));
                    c.put("architecture", i.get("architecture").equals("arm64") ? "arm64" : "x86_64");
                    String family = type.substring(0, type.indexOf('.'));
                    c.put("burstable", String.valueOf(Set.of("t2", "t3", "t3a", "t4g").contains(family)));
                    c.put("specSource", "ec2instancesinfo-us-east-1");
                } else {
                    c.put("specSource", "none");
                    notes.add(t.file + ": " + type + " is priced but no source gives its specs; compare cannot size it");
                }
            }
        }
        manual(usd);
        manual(cny);
        int noSpec = (int) priced.stream().filter(x -> !specs.containsKey(x)).count();
        notes.add("ec2.json: " + metal.size() + " bare-metal rows in Karpenter's file are Dedicated-tenancy prices and "
                + "are not bundled; us-east-1 bare-metal types are priced from ec2instances.info's shared price (2023) "
                + "where it has them. " + noSpec + " us-east-1 types lack Karpenter specs (ec2instances.info's vCPU, "
                + "memory and architecture are used; their GPU count is not given).");
        notes.add("ec2.json: ec2instances.info (2023-08) and Karpenter (2026-07) disagree on " + linuxDisagree.size()
                + " us-east-1 Linux prices; Karpenter's, the newer, are bundled: " + String.join(", ", linuxDisagree)
                + ".");
        notes.add("ec2.json: " + windows + " us-east-1 Windows prices (ec2instances.info, 2023-08); "
                + windowsLeftOut.size() + " Windows rows left out because that snapshot's Linux price differs from "
                + "2026's (so its Windows price is not known to hold) or the type is not priced for Linux"
                + (windowsLeftOut.isEmpty() ? "" : ": " + String.join(", ", windowsLeftOut.subList(0,
                        Math.min(12, windowsLeftOut.size()))) + (windowsLeftOut.size() > 12 ? ", ..." : "")) + ".");
    }

    /** Sorts instance types by family, then size in natural order ({@code t3.micro} before {@code t3.2xlarge}). */
    private static String instanceOrder(String usageTypeOrType) {
        String s = usageTypeOrType;
        String[] parts = s.split("\\.", 2);
        if (parts.length < 2) {
            return s;
        }
        String size = parts[1];
        String rank = switch (size.replaceAll("/.*", "")) {
            case "nano" -> "00";
            case "micro" -> "01";
            case "small" -> "02";
            case "medium" -> "03";
            case "large" -> "04";
            case "xlarge" -> "05";
            default -> {
                String d = size.replaceAll("[^0-9].*", "");
                yield d.isEmpty() ? "99" + size : String.format(Locale.ROOT, "06%04d", Integer.parseInt(d));
            }
        };
        return parts[0] + "." + rank + "." + size;
    }

    // ---------------------------------------------------------------- Lightsail

    private void lightsail() {
        TableDraft t = table("lightsail.json", "lightsail.json", "USD");
        Map<String, Map<String, String>> bundles = new LinkedHashMap<>();
        for (Map<String, String> b : csv(sources.resolve("lightsail/lightsail-instance-bundles-us-east-1-2026-09-17.csv"))) {
            bundles.put(b.get("platform") + "|" + b.get("networking") + "|" + b.get("bundleClass") + "|"
                    + b.get("sizeName"), b);
        }
        Map<String, Map<String, String>> aws = new HashMap<>();
        for (Map<String, String> g : csv(sources.resolve("lightsail/lightsail-get-bundles-aws-cli-example.csv"))) {
            aws.put(g.get("bundleId"), g);
        }
        ObjectNode usageTypes = t.skeleton.putObject("usageTypes");
        ObjectNode catalog = t.skeleton.putObject("catalog");
        BigDecimal monthHours = new BigDecimal(t.skeleton.path("billingRules").path("planMonthHours").path("value")
                .asText());
        Set<String> used = new java.util.HashSet<>();
        for (Map<String, String> id : csv(recipe.resolve("lightsail-bundle-ids.csv"))) {
            String key = id.get("platform") + "|" + id.get("networking") + "|general purpose|" + id.get("sizeName");
            Map<String, String> b = bundles.get(key);
            if (b == null) {
                throw new PriceListException("lightsail-bundle-ids.csv: no bundle " + key + " in the sourced bundles");
            }
            used.add(key);
            String bundleId = id.get("bundleId");
            boolean linux = b.get("platform").equals("Linux/Unix");
            boolean ipv4 = b.get("networking").equals("public IPv4");
            BigDecimal monthly = decimal(b.get("pricePerMonthUsd"), "lightsail bundles").stripTrailingZeros();
            BigDecimal transferGb = decimal(b.get("dataTransferAllowanceTbPerMonth"), "lightsail").multiply(TB_IN_GB);
            Map<String, String> example = aws.get(bundleId);
            if (example != null && (decimal(example.get("pricePerMonthUsd"), "get-bundles").compareTo(monthly) != 0
                    || decimal(example.get("transferPerMonthInGb"), "get-bundles").compareTo(transferGb) != 0)) {
                throw new PriceListException("lightsail: AWS's get-bundles example and the bundles list disagree on "
                        + bundleId);
            }
            String name = (linux ? "Linux " : "Windows ") + plain(b.get("memoryGb")) + " GB" + (ipv4 ? "" : " IPv6-only");
            ObjectNode c = catalog.putObject(bundleId);
            c.put("name", name);
            c.put("platform", linux ? "linux" : "windows");
            c.put("publicIpv4", String.valueOf(ipv4));
            c.put("vcpu", b.get("vcpu"));
            c.put("memoryGb", plain(b.get("memoryGb")));
            c.put("ssdGb", b.get("ssdStorageGb"));
            c.put("transferAllowanceGb", transferGb.toPlainString());
            String hourlyType = id.get("hourlyUsageType");
            c.put("hourlyUsageType", hourlyType);
            c.put("bundleIdSource", example != null ? "aws-lightsail-get-bundles" : "bundle-ids-3p");
            ObjectNode hourly = usageTypes.putObject(hourlyType);
            hourly.put("unit", "Hrs");
            hourly.put("description", "Lightsail " + name + " ($" + monthly.toPlainString() + "/month), hourly");
            if (!id.get("note").isEmpty()) {
                hourly.put("note", id.get("note"));
            }
            ObjectNode month = usageTypes.putObject("BundleMonth:" + bundleId);
            month.put("unit", "Months");
            month.put("description", "Lightsail " + name + ", whole month (the plan price)");
            List<String> monthlySources = new ArrayList<>(List.of("aws-lightsail-bundles"));
            if (example != null) {
                monthlySources.add("aws-lightsail-get-bundles");
            }
            t.put("us-east-1", "BundleMonth:" + bundleId, List.of(new TierDraft(BigDecimal.ZERO, Optional.empty(),
                    monthly, "confirmed", monthlySources, Optional.empty())), "bundles");
            BigDecimal perHour = monthly.divide(monthHours, 5, RoundingMode.DOWN).stripTrailingZeros();
            t.put("us-east-1", hourlyType, List.of(new TierDraft(BigDecimal.ZERO, Optional.empty(), perHour, "derived",
                    monthlySources, Optional.of("lightsail-hourly"))), "bundles");
        }
        ObjectNode dt = usageTypes.putObject("DataTransfer-Out-GB");
        dt.put("unit", "GB");
        dt.put("description", "Data transfer out above the plan allowance");
        for (Map<String, String> o : csv(sources.resolve("lightsail/lightsail-data-transfer-overage-by-region.csv"))) {
            t.put(o.get("region"), "DataTransfer-Out-GB", List.of(TierDraft.flat(decimal(o.get("overagePricePerGbUsd"),
                    "lightsail overage"), "aws-lightsail-transfer")), "overage");
            if (!o.get("region").equals("us-east-1")) {
                t.note(o.get("region"), "Only the data-transfer overage is sourced here; no source gives this region's "
                        + "plan prices, so plans are refused in it.");
            }
        }
        long left = bundles.keySet().stream().filter(k -> !used.contains(k)).count();
        notes.add("lightsail.json: " + left + " sourced bundles (general-purpose plans above 32 GB, memory- and "
                + "compute-optimized plans) are not bundled: no source gives their AWS bundle ids. Hourly prices are "
                + "derived (rule lightsail-hourly).");
        manual(t);
    }

    // ---------------------------------------------------------------- assembling

    /**
     * Every other skeleton of the recipe ({@code pricing-src/*.json} but {@code common.json}) is a table whose prices
     * are all the recipe's own, quoted from AWS's pages with their sources: a new service's first table needs a
     * skeleton and no code here. Its currency is the skeleton's {@code currency} (default USD).
     */
    private void recipeOnly() {
        List<Path> skeletons;
        try (Stream<Path> files = Files.list(recipe)) {
            skeletons = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new PriceListException(recipe + ": cannot be listed: " + e.getMessage());
        }
        for (Path f : skeletons) {
            String name = f.getFileName().toString();
            if (name.equals("common.json") || usedSkeletons.contains(name)) {
                continue;
            }
            JsonNode skeleton = json(f);
            if (!skeleton.path("service").isTextual()) {
                throw new PriceListException("pricing-src/" + name + ": a table skeleton names its \"service\"");
            }
            String currency = skeleton.path("currency").asText("USD");
            manual(table(currency.equals("CNY") ? "aws-cn/" + name : name, name, currency));
        }
    }

    private TableDraft table(String file, String skeletonFile, String currency) {
        usedSkeletons.add(skeletonFile);
        ObjectNode skeleton = (ObjectNode) json(recipe.resolve(skeletonFile));
        skeleton.put("currency", currency);
        TableDraft t = new TableDraft(file, skeleton.path("service").asText(), currency, skeleton);
        tables.put(file, t);
        return t;
    }

    /**
     * The recipe's own prices (quoted from AWS's pages, or confirming a data file's): laid over what the data files
     * gave, so a price both give cites both. In a CNY table, only the recipe prices of China's regions apply.
     */
    private void manual(TableDraft t) {
        JsonNode regionsNode = t.skeleton.path("regions");
        for (Map.Entry<String, JsonNode> r : iterable(regionsNode)) {
            if (PriceBook.isChina(r.getKey()) != t.currency.equals("CNY")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> p : iterable(r.getValue().path("prices"))) {
                t.put(r.getKey(), p.getKey(), manualTiers(t, r.getKey() + " " + p.getKey(), p.getValue()), "recipe");
            }
            if (r.getValue().has("note")) {
                t.note(r.getKey(), r.getValue().get("note").asText());
            }
        }
    }

    private static List<TierDraft> manualTiers(TableDraft t, String what, JsonNode p) {
        List<TierDraft> out = new ArrayList<>();
        JsonNode tiers = p.has("tiers") ? p.get("tiers") : NODES.arrayNode().add(p);
        for (JsonNode tier : tiers) {
            List<String> src = new ArrayList<>();
            (tier.has("sources") ? tier.get("sources") : p.path("sources")).forEach(s -> src.add(s.asText()));
            if (src.isEmpty()) {
                throw new PriceListException(t.file + " recipe " + what + ": a price with no sources");
            }
            String status = tier.path("status").asText(p.path("status").asText("confirmed"));
            String rule = tier.path("rule").asText(p.path("rule").asText(""));
            out.add(new TierDraft(decimal(tier.path("fromInclusive").asText("0"), what),
                    tier.has("toExclusive") ? Optional.of(decimal(tier.get("toExclusive").asText(), what))
                            : Optional.empty(),
                    decimal(tier.path("price").asText(), what), status, src, rule.isEmpty() ? Optional.empty()
                            : Optional.of(rule)));
        }
        return out;
    }

    private Result finish() {
        SortedMap<String, String> files = new TreeMap<>();
        ObjectNode index = NODES.objectNode();
        index.put("schemaVersion", 2);
        index.put("note", "Built by compute-cost build-prices from pricing-src and the sourced data; do not edit.");
        ObjectNode books = index.putObject("books");
        for (TableDraft t : tables.values()) {
            String book = t.currency.equals("CNY") ? PriceBook.AWS_CN : PriceBook.AWS;
            for (String code : t.prices.keySet()) {
                t.header(code, new TableDraft.RegionHeader(regionName(code), prefix(t, code), regionSources(t, code)));
            }
            String content = TableWriter.write(t, id -> {
                JsonNode c = commonSources.get(id);
                if (c == null) {
                    throw new PriceListException("pricing-src/common.json: no source " + id);
                }
                return c;
            });
            try {
                ServicePrices parsed = PriceBook.parse(t.file, content.getBytes(StandardCharsets.UTF_8));
                if (!parsed.currency().equals(t.currency)) {
                    throw new IllegalStateException(t.file + ": currency");
                }
            } catch (PricingDataException e) {
                throw new PriceListException("the table built for " + t.file + " is not valid: " + e.getMessage());
            }
            files.put(t.file, content);
            ObjectNode b = (ObjectNode) books.get(book);
            if (b == null) {
                b = books.putObject(book);
                b.put("title", book.equals(PriceBook.AWS_CN) ? "AWS China regions (Beijing, Ningxia), CNY"
                        : "AWS commercial and GovCloud regions, USD");
                b.put("currency", t.currency);
                b.putObject("tables");
            }
            ObjectNode entry = ((ObjectNode) b.get("tables")).putObject(t.service);
            entry.put("file", t.file);
            entry.put("dataVersion", t.skeleton.path("dataVersion").asText());
        }
        files.put("index.json", CanonicalJson.write(index));
        files.put("README.md", readme(files));
        return new Result(files, List.copyOf(notes));
    }

    private List<String> regionSources(TableDraft t, String code) {
        if (code.equals("global")) {
            List<String> out = new ArrayList<>();
            t.skeleton.path("regions").path("global").path("sources").forEach(x -> out.add(x.asText()));
            if (out.isEmpty()) {
                throw new PriceListException("pricing-src/" + t.skeleton.path("service").asText()
                        + ": the global region must name its sources");
            }
            return out;
        }
        List<String> out = new ArrayList<>(List.of(regionInfo(code)[3].split(" ")));
        unprefixed(t, code).ifPresent(sources -> sources.forEach(x -> out.add(x.asText())));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private String[] regionInfo(String code) {
        String[] r = regions.get(code);
        if (r == null) {
            throw new PriceListException("pricing-src/regions.csv: no region " + code);
        }
        return r;
    }

    /** The region code of a Price List location name ({@code "EU (Frankfurt)"}), from the recipe's regions. */
    private String regionOfLocation(String location, Path in) {
        for (Map.Entry<String, String[]> r : regions.entrySet()) {
            if (location.equals(r.getValue()[4]) || location.equals(r.getKey())) {
                return r.getKey();
            }
        }
        throw new PriceListException(in + ": region \"" + location + "\" is not a location pricing-src/regions.csv "
                + "knows; add its Price List location name there");
    }

    private String regionName(String code) {
        return code.equals("global") ? "Global (every edge location)" : regionInfo(code)[0];
    }

    /**
     * The regions where a table's usage types have no prefix, from the skeleton's {@code recipe.unprefixedRegions}
     * (region code to the sources that show it, for example Lambda's and EC2's us-east-1: their Price List offer
     * files); the recipe section is not bundled.
     */
    private static Optional<JsonNode> unprefixed(TableDraft t, String code) {
        JsonNode n = t.skeleton.path("recipe").path("unprefixedRegions").path(code);
        return n.isArray() ? Optional.of(n) : Optional.empty();
    }

    /**
     * The usage-type prefix AWS puts before a service's usage types in a region: its billing code and a dash,
     * except where the skeleton says the table has none there, and for services priced once everywhere.
     */
    private String prefix(TableDraft t, String code) {
        if (code.equals("global") || unprefixed(t, code).isPresent()) {
            return "";
        }
        return regionInfo(code)[1] + "-";
    }

    // ---------------------------------------------------------------- README

    private String readme(Map<String, String> files) {
        String template;
        try {
            template = Files.readString(recipe.resolve("README.template.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PriceListException(recipe.resolve("README.template.md") + ": cannot be read: " + e.getMessage());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| file | service | currency | regions (prices: confirmed / derived) | prices dated |\n");
        sb.append("|---|---|---|---|---|\n");
        StringBuilder srcs = new StringBuilder();
        for (TableDraft t : tables.values()) {
            ServicePrices sp = PriceBook.parse(t.file, files.get(t.file).getBytes(StandardCharsets.UTF_8));
            List<String> rs = new ArrayList<>();
            for (String code : sp.regionCodes()) {
                var r = sp.region(code);
                int[] n = r.counts();
                rs.add(r.code() + " (" + n[0] + (n[1] > 0 ? " / " + n[1] : "") + ")");
            }
            String dates = sp.priceDates().map(d -> d.oldest() + (d.newest().equals(d.oldest()) ? "" : " to "
                    + d.newest())).orElse("");
            sb.append("| `").append(t.file).append("` | `").append(sp.service()).append("` | ").append(sp.currency())
                    .append(" | ").append(rs.isEmpty() ? "none: limits and rules only" : String.join(", ", rs))
                    .append(" | ").append(dates).append(" |\n");
            srcs.append("\n### `").append(t.file).append("`\n\n");
            srcs.append("| source | dated | checked | what |\n|---|---|---|---|\n");
            for (var s : new TreeMap<>(sp.sources()).values()) {
                srcs.append("| `").append(s.id()).append("` | ").append(s.asOf()).append(" | ").append(s.checked())
                        .append(" | [").append(s.title().replace("|", "\\|")).append("](").append(s.url()).append(") |\n");
            }
            if (!sp.rules().isEmpty()) {
                srcs.append("\nDerivation rules:\n\n");
                for (var rule : new TreeMap<>(sp.rules()).values()) {
                    srcs.append("- `").append(rule.id()).append("`: ").append(rule.description()).append(" (sources: ")
                            .append(String.join(", ", rule.sources())).append(")\n");
                }
            }
        }
        StringBuilder gaps = new StringBuilder();
        for (String n : notes) {
            gaps.append("- ").append(n).append('\n');
        }
        return template.replace("<!-- tables -->", sb.toString().strip())
                .replace("<!-- sources -->", srcs.toString().strip())
                .replace("<!-- notes -->", gaps.toString().strip());
    }

    // ---------------------------------------------------------------- inputs

    private static List<Map<String, String>> csv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PriceListException(file + ": not found (the sourced data directory is laid out as shared/sources)");
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new PriceListException(file + ": empty");
        }
        List<String> header = Csv.split(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = Csv.split(lines.get(i));
            if (cells.size() != header.size()) {
                throw new PriceListException(file + ": line " + (i + 1) + ": " + cells.size() + " fields, the header has "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            out.add(row);
        }
        return out;
    }

    private static JsonNode json(Path file) {
        try {
            return Json.json().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new PriceListException(file + ": not found");
        } catch (IOException e) {
            throw new PriceListException(file + ": not valid JSON: " + e.getMessage());
        }
    }

    private static BigDecimal decimal(String s, String what) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new PriceListException(what + ": not a number: \"" + s + "\"");
        }
    }

    private static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        n.fields().forEachRemaining(out::add);
        return out;
    }
}
