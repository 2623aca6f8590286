package io.github.computecost.pricing;

import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
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
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The price and limit tables every estimate is computed from, all in one currency.
 *
 * <p>{@link #bundled()} reads the tables shipped in the jar (built from the project's {@code pricing-data/}
 * directory) for the AWS partition: commercial and GovCloud regions, in USD. China's regions are priced in
 * CNY, so they come in a price book of their own: {@link #bundled(String) bundled("aws-cn")}, or
 * {@link #bundledForRegion(String)}. A price book never mixes currencies.
 *
 * <p>{@link #withOverrides(Path)} lays a user's directory of files in the same format over the bundled tables:
 * a user's file for a service the bundle has replaces, region by region, the bundled regions it names and
 * adds new ones, and its free tier, billing rules and limits replace the bundled ones where present; a file
 * for another service adds that service. Loading validates everything and fails with a
 * {@link PricingDataException} naming the file and JSON path.
 *
 * <p>Each service's table is read when it is first used, so pricing a Lambda function does not parse the EC2
 * catalog. Immutable and thread-safe; share one instance.
 */
public final class PriceBook {

    /** Classpath folder of the bundled tables. */
    static final String BUNDLED_ROOT = "/io/github/computecost/pricing-data/";
    /** The index of the bundled tables: which files make up which price book. */
    static final String INDEX = "index.json";
    /** The id of the default bundled price book: the AWS partition (commercial and GovCloud regions), USD. */
    public static final String AWS = "aws";
    /** The id of the bundled price book of AWS's China regions (Beijing, Ningxia), CNY. */
    public static final String AWS_CN = "aws-cn";

    private static final Map<String, PriceBook> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile BundledIndex index;

    /**
     * The schemas of every service, found once with {@link java.util.ServiceLoader} (compute-cost's service registry
     * provides them): bound when a table loads.
     */
    private static final class Schemas {
        static final Map<String, List<TableSchema<?>>> BY_SERVICE = load();

        private static Map<String, List<TableSchema<?>>> load() {
            Map<String, List<TableSchema<?>>> out = new java.util.HashMap<>();
            for (TableSchemas provider : java.util.ServiceLoader.load(TableSchemas.class, PriceBook.class.getClassLoader())) {
                for (TableSchema<?> s : provider.schemas()) {
                    out.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
                }
            }
            return out;
        }
    }

    /** One table, read on first use, with the typed values of its schemas, bound as it is read. */
    private static final class Lazy implements Supplier<ServicePrices> {
        private final Supplier<ServicePrices> load;
        private volatile ServicePrices value;
        private final Map<TableSchema<?>, Object> bound = new java.util.concurrent.ConcurrentHashMap<>();

        Lazy(Supplier<ServicePrices> load) {
            this.load = load;
        }

        @Override
        public ServicePrices get() {
            ServicePrices v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = load.get();
                        // Every registered schema is bound now: a table that lacks what a service needs fails at
                        // load, naming its file and JSON path, not when an estimate first needs the entry.
                        for (TableSchema<?> s : Schemas.BY_SERVICE.getOrDefault(v.service(), List.of())) {
                            bound.put(s, s.bind(new TableBinder(v)));
                        }
                        value = v;
                    }
                }
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        <T> T bound(TableSchema<T> schema) {
            ServicePrices table = get();
            Object b = bound.get(schema);
            if (b == null) {
                b = bound.computeIfAbsent(schema, s -> s.bind(new TableBinder(table))); // a schema not registered
            }
            return (T) b;
        }
    }

    private final String id;
    /** Values derived from this price book (the engine's caches), by their class: kept with the book, not in statics. */
    private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Lazy> services;
    private final Map<String, String> versions;
    private final String currency;

    private PriceBook(String id, String currency, Map<String, Lazy> services, Map<String, String> versions) {
        this.id = id;
        this.currency = currency;
        // A hash map: every estimate looks tables up by service code; listings sort the codes themselves.
        this.services = Collections.unmodifiableMap(new java.util.HashMap<>(services));
        this.versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    }

    /**
     * The bundled tables of the AWS partition (commercial and GovCloud regions, USD). Loaded once, then
     * shared.
     *
     * @return the bundled price book {@value #AWS}
     * @throws PricingDataException if a bundled file is invalid (a build defect)
     */
    public static PriceBook bundled() {
        return bundled(AWS);
    }

    /**
     * One of the bundled price books.
     *
     * @param id {@value #AWS} (commercial and GovCloud regions, USD) or {@value #AWS_CN} (China, CNY)
     * @return that price book
     * @throws IllegalArgumentException if there is no bundled price book of that id
     */
    public static PriceBook bundled(String id) {
        Objects.requireNonNull(id, "id");
        return BUNDLED.computeIfAbsent(id, PriceBook::loadBundled);
    }

    /**
     * The bundled price book that prices a region: {@value #AWS_CN} for China's regions ({@code cn-north-1},
     * {@code cn-northwest-1}), {@value #AWS} for every other.
     *
     * @param region a region code
     * @return the bundled price book for it
     */
    public static PriceBook bundledForRegion(String region) {
        return bundled(isChina(region) ? AWS_CN : AWS);
    }

    /**
     * @param region a region code
     * @return whether a region is one of AWS's China regions, priced in CNY
     */
    public static boolean isChina(String region) {
        return region.startsWith("cn-");
    }

    /** @return the ids of the bundled price books */
    public static SortedSet<String> bundledIds() {
        return new TreeSet<>(index().books.keySet());
    }

    private record BundledBook(String currency, Map<String, String[]> tables) {
    }

    private record BundledIndex(Map<String, BundledBook> books) {
    }

    private static BundledIndex index() {
        BundledIndex i = index;
        if (i == null) {
            synchronized (PriceBook.class) {
                i = index;
                if (i == null) {
                    i = readIndex(resource(INDEX));
                    index = i;
                }
            }
        }
        return i;
    }

    private static BundledIndex readIndex(byte[] bytes) {
        String file = "bundled " + INDEX;
        try {
            Obj root = Json.root(Json.readTree(bytes, false));
            root.allowOnly(Set.of("schemaVersion", "note", "books"));
            if (root.wholeNumber("schemaVersion") != PricingFileReader.SCHEMA_VERSION) {
                throw new FieldException(root.pathOf("schemaVersion"), "must be " + PricingFileReader.SCHEMA_VERSION);
            }
            Map<String, BundledBook> books = new LinkedHashMap<>();
            for (Map.Entry<String, Obj> b : root.objMap("books").entrySet()) {
                b.getValue().allowOnly(Set.of("title", "currency", "tables"));
                Map<String, String[]> tables = new LinkedHashMap<>();
                for (Map.Entry<String, Obj> t : b.getValue().objMap("tables").entrySet()) {
                    t.getValue().allowOnly(Set.of("file", "dataVersion"));
                    tables.put(t.getKey(), new String[] {t.getValue().string("file"), t.getValue().string("dataVersion")});
                }
                books.put(b.getKey(), new BundledBook(b.getValue().string("currency"), tables));
            }
            return new BundledIndex(books);
        } catch (FieldException e) {
            throw new PricingDataException(file, e.path(), e.detail());
        } catch (IOException e) {
            throw new PricingDataException(file, "$", "cannot be read: " + e.getMessage());
        }
    }

    private static byte[] resource(String name) {
        String path = BUNDLED_ROOT + name;
        try (InputStream in = PriceBook.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new PricingDataException("bundled " + name, "$", "not found on the classpath at " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PricingDataException("bundled " + name, "$", "cannot be read: " + e.getMessage());
        }
    }

    private static PriceBook loadBundled(String id) {
        BundledBook b = index().books.get(id);
        if (b == null) {
            throw new IllegalArgumentException("no bundled price book \"" + id + "\" (have: "
                    + String.join(", ", index().books.keySet()) + ")");
        }
        Map<String, Lazy> services = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> t : b.tables().entrySet()) {
            String file = t.getValue()[0];
            String service = t.getKey();
            services.put(service, new Lazy(() -> {
                ServicePrices s = PricingFileReader.read("bundled " + file, resource(file));
                if (!s.service().equals(service) || !s.currency().equals(b.currency())) {
                    throw new PricingDataException("bundled " + file, "$", "is indexed as " + service + " in "
                            + b.currency() + " but holds " + s.service() + " in " + s.currency());
                }
                return s;
            }));
            versions.put(service, t.getValue()[1]);
        }
        return new PriceBook(id, b.currency(), services, versions);
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
     * @throws PricingDataException if the directory is missing, a file is invalid, or the files mix currencies
     */
    public static PriceBook directoryOnly(Path directory) {
        List<ServicePrices> files = readDirectory(directory);
        String currency = files.isEmpty() ? "USD" : files.get(0).currency();
        return new PriceBook(directory.toString(), currency, Map.of(), Map.of()).overlay(files);
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

    /**
     * The bundled file of a service in the default price book, as text, for tools that derive new tables from
     * it.
     *
     * @param serviceCode the service's code, {@code "AWSLambda"}
     * @return the file's bytes, or empty when the default price book has no table for the service
     */
    public static Optional<byte[]> bundledFile(String serviceCode) {
        return bundledFileName(serviceCode).map(PriceBook::resource);
    }

    /**
     * @param serviceCode the service's code, {@code "AWSLambda"}
     * @return the bundled file name of a service in the default price book, {@code "lambda.json"}
     */
    public static Optional<String> bundledFileName(String serviceCode) {
        BundledBook b = index().books.get(AWS);
        String[] t = b == null ? null : b.tables().get(serviceCode);
        return t == null ? Optional.empty() : Optional.of(t[0]);
    }

    /**
     * This price book with a directory of pricing-data files laid over it; see the class description.
     *
     * @param directory a directory of files in the {@code pricing-data/} format
     * @return a new price book
     * @throws PricingDataException if the directory is missing, a file is invalid, or a file's currency is not
     *     this price book's
     */
    public PriceBook overriddenBy(Path directory) {
        return overlay(readDirectory(directory));
    }

    /**
     * This price book with tables made in code laid over it, as a directory's files are (a table of observed Spot
     * prices, say): each replaces the regions it gives of the table of its service, or adds the table.
     *
     * @param tables the tables, read or checked by {@link #parse}
     * @return a new price book
     * @throws PricingDataException if a table's currency is not this price book's, or it lacks what its service needs
     */
    public PriceBook overriddenBy(List<ServicePrices> tables) {
        return overlay(List.copyOf(tables));
    }

    private static List<ServicePrices> readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PricingDataException(directory.toString(), "$", "is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new PricingDataException(directory.toString(), "$", "cannot be listed: " + e.getMessage());
        }
        List<ServicePrices> out = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new PricingDataException(f.toString(), "$", "cannot be read: " + e.getMessage());
            }
            if (f.getFileName().toString().equals(INDEX) && isBundleIndex(bytes)) {
                continue; // the bundle's own index, when a copy of pricing-data/ is given
            }
            out.add(PricingFileReader.read(f.toString(), bytes));
        }
        return out;
    }

    private static boolean isBundleIndex(byte[] bytes) {
        try {
            var n = Json.readTree(bytes, false);
            return n.isObject() && n.has("books") && !n.has("service");
        } catch (IOException e) {
            return false;
        }
    }

    private PriceBook overlay(List<ServicePrices> files) {
        Map<String, Lazy> merged = new LinkedHashMap<>(services);
        Map<String, String> versions = new LinkedHashMap<>(this.versions);
        for (ServicePrices s : files) {
            if (!s.currency().equals(currency)) {
                throw new PricingDataException(s.file(), "$.currency", "must be " + currency + " like the price book "
                        + "it is laid over (" + id + "), was " + s.currency() + "; a price book holds one currency"
                        + (s.currency().equals("CNY") ? " (China's tables go with the aws-cn price book)" : ""));
            }
            Lazy base = merged.get(s.service());
            Lazy table = base == null ? new Lazy(() -> s) : new Lazy(() -> overlay(base.get(), s));
            table.get(); // read and bound now: a user's table that lacks what a service needs fails here, at load
            merged.put(s.service(), table);
            versions.put(s.service(), s.dataVersion());
        }
        return new PriceBook(id, currency, merged, versions);
    }

    private static ServicePrices overlay(ServicePrices base, ServicePrices over) {
        Map<String, RegionPrices> regions = new LinkedHashMap<>(base.regions());
        regions.putAll(over.regions());
        // Named by the user's file: the sections it gives replace the bundled ones, so what a merged table lacks, that
        // file left out.
        return new ServicePrices(base.service(), over.title(), over.file(), over.dataVersion(),
                over.currency(), merged(base.sources(), over.sources()), merged(base.rules(), over.rules()),
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
     * @param serviceCode the table's service, {@code "AWSLambda"}
     * @return that service's tables, read on first use
     * @throws ServiceNotPricedException if the price book has none
     * @throws PricingDataException if the table cannot be read
     */
    public ServicePrices service(String serviceCode) {
        Lazy s = services.get(serviceCode);
        if (s == null) {
            throw new ServiceNotPricedException(serviceCode, id, serviceCodes());
        }
        return s.get();
    }

    /**
     * The typed value of one of a service's table schemas, bound when the table was read and cached in this price
     * book (so a user's override is bound against its own merged table).
     *
     * @param schema the schema
     * @param <T> the schema's table type
     * @return its value
     * @throws ServiceNotPricedException if the price book has no table for the schema's service
     * @throws PricingDataException if the table cannot be read or lacks what the schema needs
     */
    public <T> T tables(TableSchema<T> schema) {
        T v = tablesIfPriced(schema);
        if (v == null) {
            throw new ServiceNotPricedException(schema.service(), id, serviceCodes());
        }
        return v;
    }

    /**
     * A value derived from this price book and kept with it for its life (the rating engine and its caches of
     * descriptions): computed once per book and class.
     *
     * @param type the value's class, its key
     * @param make computes it from this book
     * @param <T> the derived value's type
     * @return the value
     */
    public <T> T derived(Class<T> type, java.util.function.Function<PriceBook, T> make) {
        Object v = derived.get(type);
        if (v == null) {
            v = derived.computeIfAbsent(type, k -> make.apply(this));
        }
        return type.cast(v);
    }

    /**
     * {@link #tables(TableSchema)} for hot paths that decline what the book does not price: one lookup, no exception.
     *
     * @param <T> the schema's table type
     * @param schema one of the service's table schemas
     * @return the schema's value, or {@code null} when the price book has no table for its service
     */
    @SuppressWarnings("unchecked")
    public <T> T tablesIfPriced(TableSchema<T> schema) {
        if (schema instanceof IndexedSchema<T> indexed) {
            Object[] known = byIndex;
            if (indexed.index < known.length) {
                Object v = known[indexed.index];
                if (v != null) {
                    return v == NOT_PRICED ? null : (T) v;
                }
            }
            T v = lookUp(schema);
            remember(indexed.index, v);
            return v;
        }
        return lookUp(schema);
    }

    private <T> T lookUp(TableSchema<T> schema) {
        Lazy s = services.get(schema.service());
        return s == null ? null : s.bound(schema);
    }

    /** Bound values by {@link IndexedSchema#index}, copied on write: once known, a value never changes. */
    private volatile Object[] byIndex = new Object[0];
    private static final Object NOT_PRICED = new Object();

    private synchronized void remember(int index, Object value) {
        Object[] a = byIndex;
        a = java.util.Arrays.copyOf(a, Math.max(a.length, index + 1));
        a[index] = value == null ? NOT_PRICED : value;
        byIndex = a;
    }

    /**
     * @param serviceCode the service's code, {@code "AWSLambda"}
     * @return whether the price book has a table for the service (without reading it)
     */
    public boolean has(String serviceCode) {
        return services.containsKey(serviceCode);
    }

    /** @return the services the price book has tables for, sorted (without reading them) */
    public SortedSet<String> serviceCodes() {
        return new TreeSet<>(services.keySet());
    }

    /** @return every service's tables, by service code; reads every table */
    public Map<String, ServicePrices> services() {
        Map<String, ServicePrices> out = new LinkedHashMap<>();
        new TreeMap<>(services).forEach((k, v) -> out.put(k, v.get()));
        return Collections.unmodifiableMap(out);
    }

    /** @return the ISO 4217 currency of every price in the book */
    public String currency() {
        return currency;
    }

    /** @return the price book's id: {@value #AWS}, {@value #AWS_CN}, or the directory a book was read from */
    public String id() {
        return id;
    }

    /**
     * A version string naming every table's data version, for example {@code "AWSLambda@2026-11-22"}:
     * enough to reproduce an estimate.
     *
     * @return the version string
     */
    public String version() {
        List<String> parts = new ArrayList<>();
        versions.forEach((k, v) -> parts.add(k + "@" + v));
        return String.join(",", parts);
    }
}
