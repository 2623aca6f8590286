package io.github.computecost.pricelist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.estimate.Services;
import io.github.computecost.internal.Json;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PricingDataException;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns AWS Price List offer files into {@code pricing-data/} tables.
 *
 * <p>Each service's bundled table is the template: its usage types say which rows to keep, and its sources,
 * billing rules, limits, free tier and catalog are carried over. From the offer files come, per region, every
 * usage type's tiers (from {@code beginRange}/{@code endRange}, {@code Inf} for the open tier) and prices (the
 * file's decimal text), the region code ({@code regionCode}) and usage-type prefix ({@code USE2-},
 * {@code EU-}, ...). The data version is the offer's publication date; every price is confirmed, with the
 * offer file as its source and its publication date as its date. A usage type the offers lack is absent from
 * the region (and said so), except in a table whose prices no offer wholly carries
 * ({@link io.github.computecost.service.PriceListMapping#partial()}: Lightsail's plan prices), where the
 * bundled prices of the region are kept, each with its own sources, for what the offers lack. Free-tier rows ({@code Global-} usage types, priced 0) are passed over: the free tier stays as the
 * template states it. Every table written is first loaded and validated like any pricing-data file; on any
 * error nothing is written.
 */
public final class PriceListImporter {

    /** Which of our tables each AWS offer feeds, as the services in the registry map them. */
    static final Map<String, List<PriceListMapping>> SERVICES = byOffer();

    private static Map<String, List<PriceListMapping>> byOffer() {
        Map<String, List<PriceListMapping>> m = new LinkedHashMap<>();
        for (PriceListMapping p : Services.priceLists()) {
            m.computeIfAbsent(p.offerCode(), k -> new ArrayList<>()).add(p);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final Pattern PREFIX = Pattern.compile("([A-Z]+[0-9]*-)?");

    /**
     * Tables with prices that no offer carries ({@link PriceListMapping#partial()}), kept from the bundled table for
     * the regions it has (Lightsail's whole-month plan prices: the offer bills hours). Elsewhere a region lacking any
     * usage type is not written.
     */
    static boolean partial(String table) {
        return Services.priceLists().stream().anyMatch(p -> p.table().equals(table) && p.partial());
    }

    /**
     * What an import produced.
     *
     * @param files file name to content, ready to write
     * @param notes what was kept, passed over or left out
     */
    public record Result(Map<String, String> files, List<String> notes) {
    }

    private PriceListImporter() {
    }

    /**
     * @param offers offer files (JSON or CSV, optionally gzipped), any mix of services and regions
     * @return the tables and notes; nothing is written
     * @throws PriceListException if an offer file is malformed, or no offer yields a complete table
     */
    public static Result run(List<Path> offers) {
        return run(offers, null);
    }

    /**
     * The same, telling {@code progress} about twice a second how many of the offers' bytes have been read (their
     * size together as the total), and once when all have been.
     *
     * @param progress the listener, on the calling thread; {@code null} for none
     * @param offers the offer files, each a Price List offer in JSON or CSV
     * @return the import's result
     */
    public static Result run(List<Path> offers, java.util.function.Consumer<io.github.computecost.Progress> progress) {
        io.github.computecost.internal.ProgressStream.Tally tally = progress == null ? null
                : new io.github.computecost.internal.ProgressStream.Tally(progress, size(offers));
        Map<String, List<Offer>> byService = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Set<String> wanted = new java.util.HashSet<>();
        for (List<PriceListMapping> targets : SERVICES.values()) {
            for (String t : targets.stream().map(PriceListMapping::table).toList()) {
                // The usage types the bundled table declares: read from its text, not parsed into a price book (the
                // EC2 catalog is thousands of tables, and this is all the filter needs).
                try {
                    Json.json().readTree(PriceBook.bundledFile(t).orElseThrow()).path("usageTypes").fieldNames()
                            .forEachRemaining(k -> wanted.add(k.split("/")[0]));
                } catch (IOException e) {
                    throw new IllegalStateException("the bundled table of " + t + " cannot be read", e);
                }
            }
        }
        // Keep only rows of usage types some table prices (any region prefix), and free-tier rows to count them;
        // of an offer's products, those its tables' mappings keep (EC2's: shared tenancy, no software, ...).
        java.util.function.Predicate<Map<String, String>> keep = attrs -> {
            String ut = attrs.getOrDefault("usagetype", "");
            if (ut.startsWith("Global-")) {
                return true;
            }
            List<PriceListMapping> mappings = SERVICES.get(attrs.getOrDefault("servicecode", ""));
            if (mappings != null && mappings.stream().noneMatch(m -> m.product().test(attrs))) {
                return false;
            }
            int dash = ut.indexOf('-');
            String tail = dash > 0 && PREFIX.matcher(ut.substring(0, dash + 1)).matches() ? ut.substring(dash + 1) : ut;
            return wanted.contains(tail) || wanted.contains(ut);
        };
        for (Path p : offers) {
            Offer offer = OfferReader.read(p, keep, true, tally);
            List<PriceListMapping> targets = SERVICES.get(offer.offerCode());
            if (targets == null) {
                throw new PriceListException(p + ": offer " + offer.offerCode() + " is not one compute-cost prices (known: "
                        + String.join(", ", new TreeMap<>(SERVICES).keySet()) + ")");
            }
            for (PriceListMapping t : targets) {
                byService.computeIfAbsent(t.table(), k -> new ArrayList<>()).add(offer);
            }
        }
        if (tally != null) {
            tally.done();
        }
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, List<Offer>> e : byService.entrySet()) {
            build(e.getKey(), e.getValue(), notes).ifPresent(f -> files.put(f[0], f[1]));
        }
        if (files.isEmpty()) {
            throw new PriceListException("no complete table could be built from the offers given: "
                    + String.join("; ", notes));
        }
        return new Result(files, notes);
    }

    /** @return the files' size together, if every one can be measured */
    private static java.util.OptionalLong size(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += java.nio.file.Files.size(f);
            } catch (IOException e) {
                return java.util.OptionalLong.empty(); // a missing file is reported when it is read
            }
        }
        return java.util.OptionalLong.of(total);
    }

    /**
     * Writes an import's files into a directory (created if missing).
     *
     * @param r the import's result
     * @param dir the directory
     */
    public static void write(Result r, Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : r.files().entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new PriceListException("cannot write into " + dir + ": " + e.getMessage());
        }
    }

    private static java.util.Optional<String[]> build(String service, List<Offer> offers, List<String> notes) {
        byte[] bytes = PriceBook.bundledFile(service).orElseThrow();
        ObjectNode template;
        try {
            template = (ObjectNode) Json.json().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> usageTypes = new java.util.LinkedHashSet<>();
        template.path("usageTypes").fieldNames().forEachRemaining(usageTypes::add);
        boolean global = template.path("regions").has(RegionPrices.GLOBAL);
        // region -> usage type -> rows
        Map<String, Map<String, List<OfferRow>>> found = new TreeMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        String published = "";
        String version = "";
        long freeTierRows = 0;
        for (Offer offer : offers) {
            published = max(published, offer.publicationDate());
            version = offer.version();
            for (OfferRow row : offer.rows()) {
                String ut = row.attribute("usagetype");
                if (ut.startsWith("Global-")) {
                    freeTierRows++;
                    continue;
                }
                String base = baseUsageType(ut, row, usageTypes);
                if (base == null) { // rows of products we do not price were dropped as the offer was read
                    continue;
                }
                String prefix = ut.substring(0, ut.length() - base.split("/")[0].length());
                String region = global ? RegionPrices.GLOBAL : row.attribute("regioncode");
                if (global && !prefix.isEmpty()) {
                    continue; // one global price: taken from the rows without a region prefix (us-east-1)
                }
                if (region.isEmpty()) {
                    continue;
                }
                prefixes.putIfAbsent(region, prefix);
                names.putIfAbsent(region, row.attribute("location"));
                found.computeIfAbsent(region, k -> new TreeMap<>()).computeIfAbsent(base, k -> new ArrayList<>()).add(row);
            }
        }
        if (freeTierRows > 0) {
            notes.add(service + ": " + freeTierRows + " free-tier rows passed over (the free tier stays as bundled)");
        }
        String day = published.length() >= 10 ? published.substring(0, 10) : "unknown";
        String sourceId = "aws-price-list-" + service.toLowerCase(java.util.Locale.ROOT);
        // The bundled table is the skeleton: its sections are kept, its regions' prices are what the offers give. It
        // is read as pricing data only where its prices are kept (a partial table): EC2's is large, and the import
        // runs in a small heap.
        String file = PriceBook.bundledFileName(service).orElse(service + ".json");
        ServicePrices bundled = partial(service) ? PriceBook.parse(file, bytes) : null;
        template.put("dataVersion", day);
        ObjectNode source = ((ObjectNode) template.path("sources")).putObject(sourceId);
        source.put("url", "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/" + offers.get(0).offerCode() + "/"
                + version + "/");
        source.put("title", "AWS Price List offer " + offers.get(0).offerCode() + ", version " + version);
        source.put("asOf", day);
        source.put("checked", day);
        source.put("note", "Imported by compute-cost import-prices from " + offers.stream().map(Offer::file)
                .distinct().reduce((a, b) -> a + ", " + b).orElse(""));
        TableDraft draft = new TableDraft(file, service, template.path("currency").asText(), template);
        for (Map.Entry<String, Map<String, List<OfferRow>>> r : found.entrySet()) {
            String code = r.getKey();
            List<String> missing = usageTypes.stream().filter(u -> !r.getValue().containsKey(u)).toList();
            JsonNode oldRegion = template.path("regions").path(code);
            boolean keepMissing = !missing.isEmpty() && bundled != null && !oldRegion.isMissingNode();
            RegionPrices old = keepMissing ? bundled.region(code) : null;
            List<String> sources = new ArrayList<>(List.of(sourceId));
            String imported = "Imported from the AWS Price List (offer version " + version + ", published " + published
                    + ")";
            if (keepMissing) {
                draft.note(code, imported + ": " + (usageTypes.size() - missing.size()) + " of " + usageTypes.size()
                        + " usage types; the rest, which the offers do not carry, kept as bundled with their own sources.");
                notes.add(service + " " + code + ": " + missing.size() + " usage types not in the offers kept as "
                        + "bundled (" + some(missing) + ")");
                old.sources().stream().filter(x -> !sources.contains(x)).forEach(sources::add);
            } else {
                draft.note(code, imported + ".");
                if (!missing.isEmpty()) {
                    notes.add(service + " " + code + ": the offers lack " + some(missing)
                            + "; those prices are absent from the table (laid over the bundle, it replaces this region)");
                }
            }
            draft.header(code, new TableDraft.RegionHeader(oldRegion.has("name") ? oldRegion.get("name").asText()
                    : names.get(code),
                    global ? "" : prefixes.get(code), sources));
            for (String u : usageTypes) {
                if (!r.getValue().containsKey(u)) {
                    if (keepMissing) {
                        old.find(u).ifPresent(t -> draft.put(code, u, TableWriter.tiersOf(t), "bundled"));
                    }
                    continue;
                }
                List<OfferRow> rows = new ArrayList<>(r.getValue().get(u));
                rows.sort(Comparator.comparing(OfferRow::beginRange));
                rows = dedupe(service + " " + code + " " + u, rows);
                boolean folded = foldFreeTier(service, template, u, rows, notes);
                List<TableDraft.TierDraft> tiers = new ArrayList<>();
                for (int i = folded ? 1 : 0; i < rows.size(); i++) {
                    OfferRow row = rows.get(i);
                    tiers.add(TableDraft.TierDraft.confirmed(folded && i == 1 ? BigDecimal.ZERO : row.beginRange(),
                            row.endRange(), row.priceUsd(), sourceId));
                }
                draft.put(code, u, tiers, "offer");
            }
        }
        if (draft.prices.isEmpty()) {
            notes.add(service + ": no complete region in the offers; not written");
            return java.util.Optional.empty();
        }
        String text = TableWriter.write(draft, id -> {
            throw new PriceListException(service + ": a region cites source " + id + ", which the table lacks");
        });
        try {
            PriceBook.parse(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (PricingDataException e) {
            throw new PriceListException("the table built for " + service + " is not valid: " + e.getMessage());
        }
        notes.add(service + ": " + draft.prices.size() + " region(s) from " + offers.size() + " offer file(s) -> " + file);
        return java.util.Optional.of(new String[] {file, text});
    }

    /**
     * Some offers give a usage type's free allowance as a first tier priced at zero (CloudFront Functions'
     * 2,000,000 invocations, by a third-party tool's reading of the AmazonCloudFront offer) rather than as a
     * {@code Global-} free-tier row. Our tables give it as a free-tier allowance, so such a tier is folded into
     * the template's allowance for the usage type: dropped, the next tier starting at zero. It must be exactly
     * that allowance; anything else would count the free units twice or lose some, and is refused.
     *
     * @return whether the first row is such a tier, to be left out
     */
    static boolean foldFreeTier(String service, JsonNode template, String usageType, List<OfferRow> rows,
            List<String> notes) {
        if (rows.size() < 2 || rows.get(0).priceUsd().signum() != 0 || rows.get(0).beginRange().signum() != 0) {
            return false;
        }
        if (rows.get(0).endRange().isEmpty()) {
            return false; // an open zero tier before others: the table check refuses it
        }
        BigDecimal end = rows.get(0).endRange().get();
        for (JsonNode allowance : template.path("freeTier")) {
            for (JsonNode t : allowance.path("usageTypes")) {
                if (t.asText().equals(usageType)) {
                    BigDecimal free = new BigDecimal(allowance.path("quantity").asText());
                    if (free.compareTo(end) != 0) {
                        throw new PriceListException(service + " " + usageType + ": the offer's zero-priced first tier "
                                + "ends at " + end.toPlainString() + " but the bundled free tier is "
                                + free.toPlainString() + "; check the free tier before importing");
                    }
                    notes.add(service + " " + usageType + ": the offer's zero-priced first " + end.toPlainString()
                            + " is the free tier (" + allowance.path("id").asText() + "), kept as bundled");
                    return true;
                }
            }
        }
        return false; // no allowance for it: a free first tier is the table's own
    }

    /**
     * Rows repeated across offer files or products (the same tier twice) are kept once. Two rows for the same tier
     * at different prices are refused: which one bills is not something to guess.
     */
    private static List<OfferRow> dedupe(String what, List<OfferRow> rows) {
        List<OfferRow> out = new ArrayList<>();
        for (OfferRow r : rows) {
            OfferRow last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last.beginRange().compareTo(r.beginRange()) != 0) {
                out.add(r);
            } else if (last.priceUsd().compareTo(r.priceUsd()) != 0) {
                throw new PriceListException(what + ": two prices for the tier from " + r.beginRange().toPlainString()
                        + " (" + last.priceUsd().toPlainString() + " in " + last.sku() + ", " + r.priceUsd().toPlainString()
                        + " in " + r.sku() + "); nothing was written");
            }
        }
        return out;
    }

    /** The template usage type a row prices: its usage type less the region prefix, with EC2's operation. */
    static String baseUsageType(String usageType, OfferRow row, Set<String> known) {
        for (String base : known) {
            String plain = base.split("/")[0];
            if (!usageType.endsWith(plain)) {
                continue;
            }
            String prefix = usageType.substring(0, usageType.length() - plain.length());
            if (!PREFIX.matcher(prefix).matches()) {
                continue;
            }
            String operation = row.attribute("operation");
            if (base.contains("/")) {
                if (base.endsWith("/" + operation)) {
                    return base;
                }
            } else if (!operation.startsWith("RunInstances:") && !known.contains(plain + "/" + operation)) {
                return base; // an EC2 operation other than plain RunInstances (Linux) needs its own key
            }
        }
        return null;
    }

    /** @return the first few of a list, and how many more there are */
    private static String some(List<String> all) {
        int shown = Math.min(6, all.size());
        return String.join(", ", all.subList(0, shown)) + (all.size() > shown ? " and " + (all.size() - shown)
                + " more" : "");
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

}
