package io.github.computecost.commitment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.computecost.pricelist.PriceListException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Commitment rates read from AWS's own offer files, which the user brings (no source the project has gives current
 * rates, so none are bundled):
 * <ul>
 *   <li>an EC2 offer file (JSON, optionally gzipped; {@code .../offers/v1.0/aws/AmazonEC2/current/REGION/index.json}):
 *       its {@code Reserved} terms, every term, class and payment option, the upfront {@code Quantity} row beside the
 *       {@code Hrs} row ({@link ReservedOffering});</li>
 *   <li>a Savings Plans offer file ({@code .../savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/REGION/index.json},
 *       or {@code AWSEC2InstanceSavingsPlan}): every plan's rate per covered usage type ({@link SavingsPlanRate}).</li>
 * </ul>
 * A file is told by its content, not its name. The JSON is streamed, a product or term at a time, so an EC2 file of
 * hundreds of megabytes is read in memory that grows with the rows kept. Prices are the files' exact decimal text.
 *
 * @param reserved the Reserved Instance offerings read
 * @param savingsPlans the Savings Plans rates read
 * @param files each file read, with its offer code (or the Savings Plans' product family), version and publication date
 */
public record CommitmentRates(List<ReservedOffering> reserved, List<SavingsPlanRate> savingsPlans, List<String> files) {

    private static final ObjectMapper STREAM = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The {@code kind} of the file {@link #write} writes: commitment rates imported from offer files. */
    public static final String KIND = "compute-cost commitment rates";

    /**
     * Keeps immutable copies of its collections.
     *
     * @param reserved the Reserved Instance offerings read
     * @param savingsPlans the Savings Plans rates read
     * @param files each file read, with its offer code (or the Savings Plans' product family), version and publication
     *     date
     */
    public CommitmentRates {
        reserved = List.copyOf(reserved);
        savingsPlans = List.copyOf(savingsPlans);
        files = List.copyOf(files);
    }

    /** @return no rates */
    public static CommitmentRates none() {
        return new CommitmentRates(List.of(), List.of(), List.of());
    }

    /**
     * @param files EC2 offer files and Savings Plans offer files, in any order
     * @return their rates together
     * @throws PriceListException if a file is missing, malformed, truncated, or neither kind of file, naming it
     */
    public static CommitmentRates read(List<Path> files) {
        CommitmentRates all = none();
        for (Path f : files) {
            all = all.and(read(f));
        }
        return all;
    }

    /**
     * @param file an EC2 offer file or a Savings Plans offer file (JSON, optionally {@code .gz})
     * @return its rates
     * @throws PriceListException if the file is missing, malformed, truncated, or neither kind of file, naming it
     */
    public static CommitmentRates read(Path file) {
        return read(file, true);
    }

    /**
     * @param file any offer file (JSON, optionally {@code .gz})
     * @return its commitment rates, or none when it has neither Reserved terms nor Savings Plans rates (a Lambda
     *     offer, say), for reading every offer file of a download
     * @throws PriceListException if the file is missing, malformed or truncated
     */
    public static CommitmentRates readIfAny(Path file) {
        return read(file, false);
    }

    private static CommitmentRates read(Path file, boolean required) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            throw new PriceListException(file + ": commitment rates are read from the JSON form of an offer file "
                    + "(index.json); the CSV form is not read yet");
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                JsonParser p = STREAM.getFactory().createParser(in)) {
            return parse(file.toString(), p, required);
        } catch (NoSuchFileException e) {
            throw new PriceListException(file + ": file not found");
        } catch (JsonProcessingException e) {
            throw new PriceListException(file + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * @param other more rates
     * @return these rates and {@code other}'s together
     */
    public CommitmentRates and(CommitmentRates other) {
        List<ReservedOffering> r = new ArrayList<>(reserved);
        r.addAll(other.reserved);
        List<SavingsPlanRate> s = new ArrayList<>(savingsPlans);
        s.addAll(other.savingsPlans);
        List<String> f = new ArrayList<>(files);
        f.addAll(other.files);
        return new CommitmentRates(r, s, f);
    }

    /**
     * The offering a reservation buys: an instance type in a region (by its code or, in files that predate
     * {@code regionCode}, its name), with an operating system and tenancy, no pre-installed software.
     *
     * @param ri the reservation
     * @param regionName its region's name, as files without {@code regionCode} give it
     * @return the one offering, or empty when the files have none
     */
    public Optional<ReservedOffering> offering(ReservedInstance ri, String regionName) {
        return reserved.stream().filter(o -> o.attribute("instancetype").equals(ri.instanceType())
                && (o.attribute("regioncode").equals(ri.region()) || o.attribute("regioncode").isEmpty()
                        && o.attribute("location").equals(regionName))
                && o.attribute("operatingsystem").equalsIgnoreCase(ri.operatingSystem())
                && o.attribute("tenancy").equalsIgnoreCase(ri.tenancy())
                && (o.attribute("preinstalledsw").isEmpty() || o.attribute("preinstalledsw").equals("NA"))
                && (o.attribute("capacitystatus").isEmpty() || o.attribute("capacitystatus").equals("Used"))
                && o.term() == ri.term() && o.offeringClass() == ri.offeringClass() && o.payment() == ri.payment())
                .findFirst();
    }

    /**
     * @param type the plan's type
     * @param term its term
     * @param payment its payment option
     * @return the rates of the plans of one type, term and payment option, by the usage type they cover (for an EC2
     *     Instance plan, of every family and region the files give)
     */
    public Map<String, SavingsPlanRate> savingsPlanRates(SavingsPlanType type, Term term, Payment payment) {
        Map<String, SavingsPlanRate> out = new HashMap<>();
        for (SavingsPlanRate r : savingsPlans) {
            if (r.type() == type && r.term() == term && r.payment() == payment) {
                out.putIfAbsent(r.usageType(), r);
            }
        }
        return out;
    }

    private record Product(String family, String usageType, Map<String, String> attributes) {
    }

    private static CommitmentRates parse(String file, JsonParser p, boolean required) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new PriceListException(file + ": not an offer file (not a JSON object)");
        }
        Map<String, Product> products = new HashMap<>();
        List<ReservedOffering> reserved = new ArrayList<>();
        List<SavingsPlanRate> plans = new ArrayList<>();
        String offerCode = "";
        String version = "";
        String published = "";
        boolean savingsPlanFile = false;
        boolean reservedSeen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "kind" -> {
                    if (!p.getText().equals(KIND)) {
                        throw new PriceListException(file + ": \"kind\" is \"" + p.getText() + "\", not \"" + KIND
                                + "\"");
                    }
                    return readImported(file, p);
                }
                case "offerCode" -> offerCode = p.getText();
                case "version" -> version = p.getText();
                case "publicationDate" -> published = p.getText();
                case "products" -> {
                    if (t == JsonToken.START_OBJECT) { // an EC2 offer: products by SKU
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String sku = p.currentName();
                            p.nextToken();
                            JsonNode product = p.readValueAsTree();
                            Map<String, String> attrs = attributes(product.path("attributes"));
                            if (!attrs.getOrDefault("usagetype", "").isEmpty()) {
                                products.put(sku, new Product(product.path("productFamily").asText(),
                                        attrs.get("usagetype"), attrs));
                            }
                        }
                    } else if (t == JsonToken.START_ARRAY) { // a Savings Plans offer: a list of plans
                        savingsPlanFile = true;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode plan = p.readValueAsTree();
                            products.put(plan.path("sku").asText(), new Product(plan.path("productFamily").asText(),
                                    plan.path("usageType").asText(), attributes(plan.path("attributes"))));
                        }
                    } else {
                        throw new PriceListException(file + ": \"products\" is neither an object nor a list");
                    }
                }
                case "terms" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw new PriceListException(file + ": \"terms\" is not an object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String termType = p.currentName();
                        p.nextToken();
                        if (termType.equals("Reserved")) {
                            reservedSeen = true;
                            readReserved(file + " (version " + version + ")", p, products, reserved);
                        } else if (termType.equals("savingsPlan")) {
                            savingsPlanFile = true;
                            readPlans(file + " (version " + version + ")", p, products, plans);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new PriceListException(file + ": truncated (line " + p.currentLocation().getLineNr() + ")");
        }
        if (!reservedSeen && !savingsPlanFile && !required) {
            return none();
        }
        if (!reservedSeen && !savingsPlanFile) {
            throw new PriceListException(file + ": neither an EC2 offer file with Reserved terms nor a Savings Plans "
                    + "offer file" + (offerCode.isEmpty() ? "" : " (offer " + offerCode + ")"));
        }
        String what = savingsPlanFile ? "Savings Plans" : offerCode;
        return new CommitmentRates(reserved, plans, List.of(file + ": " + what + " version " + version
                + (published.isEmpty() ? "" : ", published " + published)));
    }

    private static Map<String, String> attributes(JsonNode attrs) {
        Map<String, String> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            out.put(io.github.computecost.pricelist.OfferReader.key(a.getKey()), a.getValue().asText());
        }
        return out;
    }

    /** The price book's name of a usage type with an operation: {@code BoxUsage:m5.large/RunInstances:0002}. */
    static String usageType(String usageType, String operation) {
        return operation.indexOf(':') > 0 ? usageType + "/" + operation : usageType;
    }

    private static void readReserved(String file, JsonParser p, Map<String, Product> products,
            List<ReservedOffering> out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new PriceListException(file + ": terms.Reserved is not an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String sku = p.currentName();
            p.nextToken();
            Product product = products.get(sku);
            if (product == null) {
                p.skipChildren(); // not a product with a usage type (or the file lists terms before products)
                continue;
            }
            JsonNode terms = p.readValueAsTree();
            for (JsonNode term : terms) {
                String where = file + ": terms.Reserved." + sku + "." + term.path("offerTermCode").asText();
                JsonNode ta = term.path("termAttributes");
                Term length = parse(where, "LeaseContractLength", ta.path("LeaseContractLength").asText(), Term::parse);
                OfferingClass cls = parse(where, "OfferingClass", ta.path("OfferingClass").asText(),
                        OfferingClass::parse);
                Payment pay = parse(where, "PurchaseOption", ta.path("PurchaseOption").asText(), Payment::parse);
                BigDecimal upfront = BigDecimal.ZERO;
                BigDecimal hourly = null;
                String currency = "";
                for (JsonNode dim : term.path("priceDimensions")) {
                    Map.Entry<String, JsonNode> price = single(where, dim.path("pricePerUnit"));
                    currency = price.getKey();
                    BigDecimal v = decimal(where, price.getValue().asText());
                    switch (dim.path("unit").asText()) {
                        case "Quantity" -> upfront = v;
                        case "Hrs" -> hourly = v;
                        default -> throw new PriceListException(where + ": a price dimension in \""
                                + dim.path("unit").asText() + "\"; a Reserved term has Quantity and Hrs rows");
                    }
                }
                if (hourly == null) {
                    throw new PriceListException(where + ": no Hrs row");
                }
                out.add(new ReservedOffering(sku, term.path("offerTermCode").asText(),
                        usageType(product.usageType(), product.attributes().getOrDefault("operation", "")),
                        product.attributes(), length, cls, pay, upfront, hourly, currency,
                        term.path("effectiveDate").asText(), file));
            }
        }
    }

    private static void readPlans(String file, JsonParser p, Map<String, Product> products, List<SavingsPlanRate> out)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new PriceListException(file + ": terms.savingsPlan is not a list");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode plan = p.readValueAsTree();
            String sku = plan.path("sku").asText();
            Product product = products.get(sku);
            String where = file + ": terms.savingsPlan[sku " + sku + "]";
            if (product == null) {
                throw new PriceListException(where + ": no such product in \"products\"");
            }
            SavingsPlanType type = parse(where, "productFamily", product.family(), SavingsPlanType::parse);
            Term term = parse(where, "purchaseTerm", product.attributes().getOrDefault("purchaseterm", ""),
                    Term::parse);
            Payment payment = parse(where, "purchaseOption", product.attributes().getOrDefault("purchaseoption", ""),
                    Payment::parse);
            Optional<String> family = Optional.ofNullable(product.attributes().get("instancetype"));
            String location = product.attributes().getOrDefault("location", "Any");
            for (JsonNode rate : plan.path("rates")) {
                String code = rate.path("rateCode").asText();
                out.add(new SavingsPlanRate(sku, type, term, payment, family,
                        location.equals("Any") ? Optional.empty() : Optional.of(location),
                        rate.path("discountedServiceCode").asText(),
                        usageType(rate.path("discountedUsageType").asText(), rate.path("discountedOperation").asText()),
                        decimal(where + " rate " + code, rate.path("discountedRate").path("price").asText()),
                        rate.path("unit").asText(), rate.path("discountedRate").path("currency").asText("USD"), code,
                        file));
            }
        }
    }

    private static <T> T parse(String where, String field, String text, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new PriceListException(where + ": " + field + ": " + e.getMessage());
        }
    }

    private static Map.Entry<String, JsonNode> single(String where, JsonNode prices) {
        Iterator<Map.Entry<String, JsonNode>> it = prices.fields();
        if (!it.hasNext()) {
            throw new PriceListException(where + ": a price dimension without a price");
        }
        Map.Entry<String, JsonNode> e = it.next();
        if (it.hasNext()) {
            throw new PriceListException(where + ": a price dimension in more than one currency");
        }
        return e;
    }

    private static BigDecimal decimal(String where, String text) {
        try {
            BigDecimal v = new BigDecimal(text);
            if (v.signum() < 0 || v.precision() - v.scale() > 12 || v.scale() > 20) {
                throw new PriceListException(where + ": a price must be at least 0, with at most 12 whole digits and "
                        + "20 decimals, was " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new PriceListException(where + ": a price is not a number: \"" + text + "\"");
        }
    }

    /**
     * Writes these rates as one compact file ({@code kind: "compute-cost commitment rates"}), which {@link #read}
     * reads back as it read the offer files: every offering and rate with the offer file and version it came from,
     * prices as their exact text. {@code import-prices --commitment-offer} writes it, so that an estimate need not
     * read an EC2 offer file of hundreds of megabytes each time.
     *
     * @param file where to write
     * @throws PriceListException if it cannot be written
     */
    public void write(Path file) {
        try (var out = Files.newOutputStream(file);
                com.fasterxml.jackson.core.JsonGenerator g = STREAM.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("kind", KIND);
            g.writeArrayFieldStart("files");
            for (String f : files) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reserved");
            for (ReservedOffering o : reserved) {
                g.writeStartObject();
                g.writeStringField("sku", o.sku());
                g.writeStringField("offerTermCode", o.offerTermCode());
                g.writeStringField("usageType", o.usageType());
                g.writeObjectFieldStart("attributes");
                for (var a : new java.util.TreeMap<>(o.attributes()).entrySet()) {
                    g.writeStringField(a.getKey(), a.getValue());
                }
                g.writeEndObject();
                g.writeStringField("term", o.term().awsName());
                g.writeStringField("offeringClass", o.offeringClass().awsName());
                g.writeStringField("payment", o.payment().awsName());
                g.writeStringField("upfront", o.upfront().toPlainString());
                g.writeStringField("hourly", o.hourly().toPlainString());
                g.writeStringField("currency", o.currency());
                g.writeStringField("effectiveDate", o.effectiveDate());
                g.writeStringField("file", o.file());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("savingsPlans");
            for (SavingsPlanRate r : savingsPlans) {
                g.writeStartObject();
                g.writeStringField("planSku", r.planSku());
                g.writeStringField("type", r.type().productFamily());
                g.writeStringField("term", r.term().awsName());
                g.writeStringField("payment", r.payment().awsName());
                if (r.instanceFamily().isPresent()) {
                    g.writeStringField("instanceFamily", r.instanceFamily().get());
                }
                if (r.location().isPresent()) {
                    g.writeStringField("location", r.location().get());
                }
                g.writeStringField("serviceCode", r.serviceCode());
                g.writeStringField("usageType", r.usageType());
                g.writeStringField("rate", r.rate().toPlainString());
                g.writeStringField("unit", r.unit());
                g.writeStringField("currency", r.currency());
                g.writeStringField("rateCode", r.rateCode());
                g.writeStringField("file", r.file());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be written: " + e.getMessage());
        }
    }

    /** The rest of a file {@link #write} wrote, after its {@code kind}. */
    private static CommitmentRates readImported(String file, JsonParser p) throws IOException {
        List<ReservedOffering> reserved = new ArrayList<>();
        List<SavingsPlanRate> plans = new ArrayList<>();
        List<String> files = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            JsonNode list = p.readValueAsTree();
            for (int i = 0; list != null && i < list.size(); i++) {
                JsonNode n = list.get(i);
                String where = file + ": $." + field + "[" + i + "]";
                switch (field) {
                    case "files" -> files.add(n.asText());
                    case "reserved" -> {
                        Map<String, String> attrs = new HashMap<>();
                        n.path("attributes").fields().forEachRemaining(a -> attrs.put(a.getKey(),
                                a.getValue().asText()));
                        reserved.add(new ReservedOffering(need(n, "sku", where), need(n, "offerTermCode", where),
                                need(n, "usageType", where), attrs, parse(where, "term", need(n, "term", where),
                                        Term::parse), parse(where, "offeringClass", need(n, "offeringClass", where),
                                        OfferingClass::parse), parse(where, "payment", need(n, "payment", where),
                                        Payment::parse), decimal(where, need(n, "upfront", where)),
                                decimal(where, need(n, "hourly", where)), need(n, "currency", where),
                                n.path("effectiveDate").asText(), need(n, "file", where)));
                    }
                    case "savingsPlans" -> plans.add(new SavingsPlanRate(need(n, "planSku", where),
                            parse(where, "type", need(n, "type", where), SavingsPlanType::parse),
                            parse(where, "term", need(n, "term", where), Term::parse),
                            parse(where, "payment", need(n, "payment", where), Payment::parse),
                            Optional.ofNullable(n.get("instanceFamily")).map(JsonNode::asText),
                            Optional.ofNullable(n.get("location")).map(JsonNode::asText), need(n, "serviceCode", where),
                            need(n, "usageType", where), decimal(where, need(n, "rate", where)),
                            n.path("unit").asText(), need(n, "currency", where), need(n, "rateCode", where),
                            need(n, "file", where)));
                    default -> throw new PriceListException(file + ": unknown field \"" + field + "\" (allowed: "
                            + "kind, files, reserved, savingsPlans)");
                }
            }
        }
        return new CommitmentRates(reserved, plans, files.isEmpty() ? List.of(file) : files);
    }

    private static String need(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new PriceListException(where + "." + field + ": required, as text");
        }
        return v.asText();
    }
}
