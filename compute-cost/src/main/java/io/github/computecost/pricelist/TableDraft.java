package io.github.computecost.pricelist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One table being built: its recipe (the skeleton: everything but the regions' prices) and the prices found so
 * far, each tier with the sources that give it. The same price found in two sources is kept once, citing both;
 * two sources giving different prices for the same tier stop the build, naming both.
 */
final class TableDraft {

    /** One tier as found: half-open range, price, and where it comes from. */
    record TierDraft(BigDecimal from, Optional<BigDecimal> to, BigDecimal price, String status, List<String> sources,
            Optional<String> rule) {
        TierDraft {
            from = canonical(Objects.requireNonNull(from, "from"));
            to = Objects.requireNonNull(to, "to").map(TierDraft::canonical);
            price = canonical(Objects.requireNonNull(price, "price"));
            sources = List.copyOf(sources);
            Objects.requireNonNull(rule, "rule");
        }

        /** The one text a decimal is written as in the bundle: no trailing zeros, no exponent ({@code 0.0000002}). */
        static BigDecimal canonical(BigDecimal x) {
            return x.signum() == 0 ? BigDecimal.ZERO : x.stripTrailingZeros();
        }

        static TierDraft confirmed(BigDecimal from, Optional<BigDecimal> to, BigDecimal price, String... sources) {
            return new TierDraft(from, to, price, "confirmed", List.of(sources), Optional.empty());
        }

        static TierDraft flat(BigDecimal price, String... sources) {
            return confirmed(BigDecimal.ZERO, Optional.empty(), price, sources);
        }

        boolean sameRange(TierDraft o) {
            return from.compareTo(o.from) == 0 && to.isPresent() == o.to.isPresent()
                    && (to.isEmpty() || to.get().compareTo(o.to.get()) == 0);
        }
    }

    final String file;
    final String service;
    final String currency;
    final ObjectNode skeleton;
    /** region, then usage type (in the order found), then tiers. */
    final Map<String, Map<String, List<TierDraft>>> prices = new TreeMap<>();
    /** Notes on a region's prices, for the table and the README. */
    final Map<String, List<String>> regionNotes = new TreeMap<>();
    /** Each region's name, usage-type prefix and sources, as written. */
    final Map<String, RegionHeader> headers = new TreeMap<>();

    /**
     * A region's header as the table writes it.
     *
     * @param name its name, {@code "US East (N. Virginia)"}
     * @param usageTypePrefix what AWS puts before its usage types, {@code "USE2-"}, or empty
     * @param sources the sources its prices are read from
     */
    record RegionHeader(String name, String usageTypePrefix, List<String> sources) {
        RegionHeader {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(usageTypePrefix, "usageTypePrefix");
            sources = List.copyOf(sources);
        }
    }

    void header(String region, RegionHeader header) {
        headers.put(region, header);
    }

    TableDraft(String file, String service, String currency, ObjectNode skeleton) {
        this.file = file;
        this.service = service;
        this.currency = currency;
        this.skeleton = skeleton;
    }

    /**
     * Adds a usage type's tiers in a region. If the table already has them, the two must agree tier by tier (one
     * list may end earlier, at a bounded tier, when its source gives only the first tiers); the sources of agreeing
     * tiers are merged.
     *
     * @throws PriceListException if two sources disagree
     */
    void put(String region, String usageType, List<TierDraft> tiers, String what) {
        Map<String, List<TierDraft>> r = prices.computeIfAbsent(region, k -> new LinkedHashMap<>());
        List<TierDraft> old = r.get(usageType);
        if (old == null) {
            r.put(usageType, List.copyOf(tiers));
            return;
        }
        List<TierDraft> longer = old.size() >= tiers.size() ? old : tiers;
        List<TierDraft> shorter = longer == old ? tiers : old;
        List<TierDraft> merged = new ArrayList<>();
        for (int i = 0; i < longer.size(); i++) {
            TierDraft a = longer.get(i);
            if (i >= shorter.size()) {
                merged.add(a);
                continue;
            }
            TierDraft b = shorter.get(i);
            boolean lastOfShorter = i == shorter.size() - 1;
            boolean rangeOk = lastOfShorter && shorter.size() < longer.size()
                    ? a.from().compareTo(b.from()) == 0 && b.to().isPresent() && a.to().isPresent()
                            && a.to().get().compareTo(b.to().get()) == 0
                    : a.sameRange(b);
            if (!rangeOk || a.price().compareTo(b.price()) != 0) {
                throw new PriceListException(file + ": " + region + " " + usageType + " tier " + (i + 1)
                        + ": sources disagree: " + describe(a) + " vs " + describe(b) + " (" + what + ")");
            }
            LinkedHashSet<String> sources = new LinkedHashSet<>(a.sources());
            sources.addAll(b.sources());
            // A tier one source gives outright is confirmed, even if another input derived it.
            boolean confirmed = a.status().equals("confirmed") || b.status().equals("confirmed");
            List<String> kept = new ArrayList<>(sources);
            if (confirmed && !(a.status().equals("confirmed") && b.status().equals("confirmed"))) {
                kept = new ArrayList<>(a.status().equals("confirmed") ? a.sources() : b.sources());
            }
            merged.add(new TierDraft(a.from(), a.to(), a.price(), confirmed ? "confirmed" : a.status(), kept,
                    confirmed ? Optional.empty() : a.rule()));
        }
        r.put(usageType, List.copyOf(merged));
    }

    /** @return the tiers found for a usage type in a region, if any */
    Optional<List<TierDraft>> get(String region, String usageType) {
        return Optional.ofNullable(prices.getOrDefault(region, Map.of()).get(usageType));
    }

    void note(String region, String note) {
        regionNotes.computeIfAbsent(region, k -> new ArrayList<>()).add(note);
    }

    private static String describe(TierDraft t) {
        return t.price().toPlainString() + " from " + t.from().toPlainString()
                + t.to().map(x -> " to " + x.toPlainString()).orElse("") + " " + t.sources();
    }
}
