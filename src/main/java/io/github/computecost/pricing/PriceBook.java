package io.github.computecost.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The price and limit tables every estimate is computed from.
 *
 * <p>{@link #bundled()} reads the tables shipped in the jar (from the project's {@code pricing-data/}
 * directory); {@link #withOverrides(Path)} lays a user's directory of files in the same format over them:
 * a user's file for a service the bundle has replaces, region by region, the bundled regions it names and
 * adds new ones, and its free tier, billing rules and limits replace the bundled ones where present; a
 * file for another service adds that service. Loading validates everything and fails with a
 * {@link PricingDataException} naming the file and JSON path.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class PriceBook {

    /** Classpath folder of the bundled tables. */
    static final String BUNDLED_ROOT = "/io/github/computecost/pricing-data/";
    /** The bundled files, in load order. */
    static final List<String> BUNDLED_FILES = List.of("lambda.json", "lambda-edge.json", "cloudfront.json", "fargate.json", "ec2.json",
            "lightsail.json");

    private static volatile PriceBook bundled;

    private final Map<String, ServicePrices> services;
    private final String currency;

    private PriceBook(Map<String, ServicePrices> services) {
        this.services = Collections.unmodifiableMap(new TreeMap<>(services));
        List<String> currencies = services.values().stream().map(ServicePrices::currency).distinct()
                .collect(Collectors.toList());
        if (currencies.size() > 1) {
            ServicePrices odd = services.values().stream()
                    .filter(s -> !s.currency().equals(currencies.get(0))).findFirst().orElseThrow();
            throw new PricingDataException(odd.file(), "$.currency", "must be " + currencies.get(0)
                    + " like the other tables, was " + odd.currency());
        }
        this.currency = currencies.isEmpty() ? "USD" : currencies.get(0);
    }

    /**
     * The tables bundled in the jar. Loaded once, then shared.
     *
     * @return the bundled price book
     * @throws PricingDataException if a bundled file is invalid (a build defect)
     */
    public static PriceBook bundled() {
        PriceBook b = bundled;
        if (b == null) {
            synchronized (PriceBook.class) {
                b = bundled;
                if (b == null) {
                    b = new PriceBook(loadBundled());
                    bundled = b;
                }
            }
        }
        return b;
    }

    private static Map<String, ServicePrices> loadBundled() {
        Map<String, ServicePrices> out = new LinkedHashMap<>();
        for (String name : BUNDLED_FILES) {
            String resource = BUNDLED_ROOT + name;
            try (InputStream in = PriceBook.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new PricingDataException("bundled " + name, "$", "not found on the classpath at " + resource);
                }
                ServicePrices s = PricingFileReader.read("bundled " + name, in.readAllBytes());
                out.put(s.service(), s);
            } catch (IOException e) {
                throw new PricingDataException("bundled " + name, "$", "cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The bundled tables with a user's directory of pricing-data files laid over them (every
     * {@code *.json} file in it, not recursing).
     *
     * @param directory a directory of files in the {@code pricing-data/} format
     * @return a new price book
     * @throws PricingDataException if the directory is missing or a file is invalid
     */
    public static PriceBook withOverrides(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return bundled().overriddenBy(directory);
    }

    /**
     * The tables of one directory alone, without the bundled ones (to compare two sets of tables).
     *
     * @param directory a directory of files in the {@code pricing-data/} format
     * @return a price book of those files
     * @throws PricingDataException if the directory is missing or a file is invalid
     */
    public static PriceBook directoryOnly(Path directory) {
        return new PriceBook(Map.of()).overriddenBy(directory);
    }

    /**
     * Validates the text of one pricing-data file.
     *
     * @param name the name to use in messages
     * @param json the file's content
     * @return its tables
     * @throws PricingDataException naming the JSON path of any problem
     */
    public static ServicePrices parse(String name, byte[] json) {
        return PricingFileReader.read(name, json);
    }

    /** The bundled file of a service, as text, for tools that derive new tables from it. */
    public static Optional<byte[]> bundledFile(String serviceCode) {
        for (String name : BUNDLED_FILES) {
            try (InputStream in = PriceBook.class.getResourceAsStream(BUNDLED_ROOT + name)) {
                byte[] bytes = in.readAllBytes();
                if (PricingFileReader.read(name, bytes).service().equals(serviceCode)) {
                    return Optional.of(bytes);
                }
            } catch (IOException e) {
                throw new PricingDataException("bundled " + name, "$", "cannot be read: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** @return the bundled file name of a service, {@code "lambda.json"} */
    public static Optional<String> bundledFileName(String serviceCode) {
        for (String name : BUNDLED_FILES) {
            if (bundledFile(serviceCode).isPresent() && bundled().service(serviceCode).file().equals("bundled " + name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * This price book with a directory of pricing-data files laid over it; see the class description.
     *
     * @param directory a directory of files in the {@code pricing-data/} format
     * @return a new price book
     * @throws PricingDataException if the directory is missing or a file is invalid
     */
    public PriceBook overriddenBy(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PricingDataException(directory.toString(), "$", "is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new PricingDataException(directory.toString(), "$", "cannot be listed: " + e.getMessage());
        }
        Map<String, ServicePrices> merged = new LinkedHashMap<>(services);
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new PricingDataException(f.toString(), "$", "cannot be read: " + e.getMessage());
            }
            ServicePrices s = PricingFileReader.read(f.toString(), bytes);
            merged.merge(s.service(), s, PriceBook::overlay);
        }
        return new PriceBook(merged);
    }

    private static ServicePrices overlay(ServicePrices base, ServicePrices over) {
        Map<String, RegionPrices> regions = new LinkedHashMap<>(base.regions());
        regions.putAll(over.regions());
        Map<String, Source> sources = new LinkedHashMap<>(base.sources());
        sources.putAll(over.sources());
        return new ServicePrices(base.service(), over.title(), base.file() + " + " + over.file(), over.dataVersion(),
                over.effectiveDate(), over.currency(), sources,
                over.freeTier().isEmpty() ? base.freeTier() : over.freeTier(),
                over.billingRules().isEmpty() ? base.billingRules() : over.billingRules(),
                over.limits().isEmpty() ? base.limits() : over.limits(),
                over.allowedValues().isEmpty() ? base.allowedValues() : over.allowedValues(),
                merged(base.catalog(), over.catalog()), regions);
    }

    private static <V> Map<String, V> merged(Map<String, V> base, Map<String, V> over) {
        Map<String, V> out = new LinkedHashMap<>(base);
        out.putAll(over);
        return out;
    }

    /**
     * @param serviceCode AWS Price List service code, {@code "AWSLambda"}
     * @return that service's tables
     * @throws IllegalArgumentException if the price book has none
     */
    public ServicePrices service(String serviceCode) {
        ServicePrices s = services.get(serviceCode);
        if (s == null) {
            throw new IllegalArgumentException("no pricing data for service " + serviceCode
                    + " (have: " + String.join(", ", services.keySet()) + ")");
        }
        return s;
    }

    /** @return every service's tables, by service code */
    public Map<String, ServicePrices> services() {
        return services;
    }

    /** @return the ISO 4217 currency of every price in the book */
    public String currency() {
        return currency;
    }

    /**
     * A version string naming every table's data version, for example {@code "AWSLambda@2026-11-22"}:
     * enough to reproduce an estimate.
     */
    public String version() {
        List<String> parts = new ArrayList<>();
        services.forEach((k, v) -> parts.add(k + "@" + v.dataVersion()));
        return String.join(",", parts);
    }
}
