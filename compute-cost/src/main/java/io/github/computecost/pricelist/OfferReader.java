package io.github.computecost.pricelist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads AWS Price List offer files, JSON or CSV (optionally gzipped), keeping the on-demand rows whose
 * product attributes a filter accepts. The JSON is streamed: each product and term is read on its own and
 * dropped unless kept, so memory grows with the rows kept, not with the file (an EC2 regional file runs to
 * hundreds of megabytes). Attribute names are normalised to lower case without spaces or punctuation
 * ({@code usagetype}, {@code regioncode}, {@code instancetype}, {@code preinstalledsw}), so JSON and CSV read
 * alike. Prices are read as the exact decimal text of the file.
 */
public final class OfferReader {

    /**
     * Reads one product or term at a time from the middle of a document, so it must not insist that the value
     * ends the input (as the strict mapper for whole documents does).
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper STREAM = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private OfferReader() {
    }

    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Normalises an attribute or column name: {@code "Pre Installed S/W"} → {@code "preinstalledsw"}.
     *
     * @param name an attribute or column name as an offer file writes it
     * @return it in lower case, without spaces or punctuation
     */
    public static String key(String name) {
        return KEYS.computeIfAbsent(name, n -> n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }

    /**
     * @param file an offer file ({@code .json}, {@code .csv}, either optionally {@code .gz})
     * @param keep which products to keep, by their normalised attributes
     * @return the offer with the rows kept
     * @throws PriceListException if the file is missing, malformed or truncated
     */
    public static Offer read(Path file, Predicate<Map<String, String>> keep) {
        return read(file, keep, true);
    }

    /**
     * @param file an offer file ({@code .json}, {@code .csv}, either optionally {@code .gz})
     * @param keep which products to keep, by their normalised attributes
     * @param strict whether a malformed CSV line is an error; when not, it is passed over and counted in
     *     {@link Offer#skipped()} (for hand-edited copies of offer files)
     * @return the offer with the rows kept
     * @throws PriceListException if the file is missing, malformed or truncated
     */
    public static Offer read(Path file, Predicate<Map<String, String>> keep, boolean strict) {
        return read(file, keep, strict, null);
    }

    /** The same, counting the file's bytes into {@code tally} (null for none) for a progress display. */
    static Offer read(Path file, Predicate<Map<String, String>> keep, boolean strict,
            io.github.computecost.internal.ProgressStream.Tally tally) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
        try (InputStream file0 = Files.newInputStream(file);
                InputStream raw = tally == null ? file0 : new io.github.computecost.internal.ProgressStream(file0, tally);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return csv ? readCsv(file.toString(), in, keep, strict) : readJson(file.toString(), in, keep);
        } catch (NoSuchFileException e) {
            throw new PriceListException(file + ": file not found");
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static Offer readJson(String file, InputStream in, Predicate<Map<String, String>> keep) throws IOException {
        Map<String, Map<String, String>> kept = new HashMap<>();
        List<OfferRow> rows = new ArrayList<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        String offerCode = "";
        String version = "";
        String publication = "";
        try (JsonParser p = STREAM.getFactory().createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "offerCode" -> offerCode = p.getText();
                    case "version" -> version = p.getText();
                    case "publicationDate" -> publication = p.getText();
                    case "products" -> {
                        expect(p, t, JsonToken.START_OBJECT, file);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String sku = p.currentName();
                            p.nextToken();
                            JsonNode product = p.readValueAsTree();
                            Map<String, String> attrs = new HashMap<>();
                            for (Iterator<Map.Entry<String, JsonNode>> it = product.path("attributes").fields();
                                    it.hasNext(); ) {
                                Map.Entry<String, JsonNode> a = it.next();
                                attrs.put(key(a.getKey()), a.getValue().asText());
                            }
                            if (keep.test(attrs)) {
                                kept.put(sku, attrs);
                            } else {
                                skipped.merge("product not priced by compute-cost", 1L, Long::sum);
                            }
                        }
                    }
                    case "terms" -> {
                        expect(p, t, JsonToken.START_OBJECT, file);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String termType = p.currentName();
                            p.nextToken();
                            if (!termType.equals("OnDemand")) {
                                p.skipChildren();
                                continue;
                            }
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String sku = p.currentName();
                                p.nextToken();
                                Map<String, String> attrs = kept.get(sku);
                                if (attrs == null) {
                                    p.skipChildren();
                                    continue;
                                }
                                JsonNode offers = p.readValueAsTree();
                                for (JsonNode term : offers) {
                                    for (JsonNode dim : term.path("priceDimensions")) {
                                        rows.add(row(file, sku, attrs, dim.path("unit").asText(),
                                                dim.path("beginRange").asText("0"), dim.path("endRange").asText("Inf"),
                                                dim.path("pricePerUnit").path("USD").asText()));
                                    }
                                }
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new PriceListException(file + ": not an offer file (line " + p.currentLocation().getLineNr() + ")");
            }
        } catch (JsonProcessingException e) {
            throw new PriceListException(file + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + io.github.computecost.internal.Json.problem(e));
        }
        if (offerCode.isEmpty()) {
            throw new PriceListException(file + ": not an offer file (no offerCode)");
        }
        return new Offer(file, offerCode, version, publication, rows, skipped);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String file) {
        if (actual != expected) {
            throw new PriceListException(file + ": not an offer file: expected " + expected + " at line "
                    + p.currentLocation().getLineNr() + ", found " + actual);
        }
    }

    private static OfferRow row(String file, String sku, Map<String, String> attrs, String unit, String begin, String end,
            String price) {
        try {
            return new OfferRow(sku, attrs, unit, decimal(file, sku, "beginRange", begin.isEmpty() ? "0" : begin),
                    end.isEmpty() || end.equals("Inf") ? Optional.empty()
                            : Optional.of(decimal(file, sku, "endRange", end)),
                    decimal(file, sku, "pricePerUnit", price));
        } catch (NumberFormatException e) {
            throw new PriceListException(file + ": SKU " + sku + ": a price or range is not a number: "
                    + io.github.computecost.internal.Json.excerpt(price) + ", "
                    + io.github.computecost.internal.Json.excerpt(begin) + ", "
                    + io.github.computecost.internal.Json.excerpt(end));
        }
    }

    /**
     * A range or price, refused when beyond any AWS figure ({@link io.github.computecost.internal.Json#outOfRange}):
     * an exponent of a billion would otherwise be written out digit by digit.
     */
    private static BigDecimal decimal(String file, String sku, String field, String text) {
        BigDecimal v = new BigDecimal(text);
        if (io.github.computecost.internal.Json.outOfRange(v)) {
            throw new PriceListException(file + ": SKU " + sku + ": " + field + " must be a decimal of at most "
                    + io.github.computecost.internal.Json.MAX_DIGITS + " digits and exponent, was "
                    + io.github.computecost.internal.Json.excerpt(text));
        }
        return v;
    }

    private static Offer readCsv(String file, InputStream in, Predicate<Map<String, String>> keep, boolean strict)
            throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Map<String, String> meta = new HashMap<>();
        List<String> header = null;
        String line;
        long lineNo = 0;
        while (header == null && (line = r.readLine()) != null) {
            lineNo++;
            List<String> cells = cells(line, file, lineNo);
            if (!cells.isEmpty() && cells.get(0).equals("SKU")) {
                header = cells.stream().map(OfferReader::key).toList();
            } else if (cells.size() >= 2) {
                meta.put(key(cells.get(0)), cells.get(1));
            }
        }
        if (header == null) {
            throw new PriceListException(file + ": not an offer CSV (no header row starting with SKU)");
        }
        int sku = header.indexOf("sku");
        int termType = header.indexOf("termtype");
        int start = header.indexOf("startingrange");
        int end = header.indexOf("endingrange");
        int unit = header.indexOf("unit");
        int price = header.indexOf("priceperunit");
        int currency = header.indexOf("currency");
        if (sku < 0 || termType < 0 || unit < 0 || price < 0) {
            throw new PriceListException(file + ": line " + lineNo + ": the header lacks SKU, TermType, Unit or PricePerUnit");
        }
        int firstAttribute = Math.max(Math.max(currency, price), Math.max(unit, end)) + 1;
        List<OfferRow> rows = new ArrayList<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> c = cells(line, file, lineNo);
            if (c.size() != header.size() && !strict) {
                skipped.merge("malformed line (" + c.size() + " fields, the header has " + header.size() + ")", 1L,
                        Long::sum);
                continue;
            }
            if (c.size() != header.size()) {
                throw new PriceListException(file + ": line " + lineNo + ": " + c.size() + " fields, the header has "
                        + header.size() + " (truncated or malformed)");
            }
            if (!"OnDemand".equals(c.get(termType))) {
                skipped.merge("not on demand", 1L, Long::sum);
                continue;
            }
            Map<String, String> attrs = new HashMap<>();
            for (int i = firstAttribute; i < c.size(); i++) {
                if (!c.get(i).isEmpty()) {
                    attrs.put(header.get(i), c.get(i));
                }
            }
            if (!keep.test(attrs)) {
                skipped.merge("product not priced by compute-cost", 1L, Long::sum);
                continue;
            }
            rows.add(row(file + ": line " + lineNo, c.get(sku), attrs, c.get(unit), start < 0 ? "0" : c.get(start),
                    end < 0 ? "Inf" : c.get(end), c.get(price)));
        }
        String offerCode = meta.getOrDefault("offercode", "");
        if (offerCode.isEmpty()) {
            throw new PriceListException(file + ": not an offer CSV (no OfferCode line)");
        }
        return new Offer(file, offerCode, meta.getOrDefault("version", ""), meta.getOrDefault("publicationdate", ""),
                rows, skipped);
    }

    /** RFC 4180 fields of one line; a quote left open is an error (AWS's files have no line breaks in fields). */
    static List<String> cells(String line, String file, long lineNo) {
        try {
            return Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw new PriceListException(file + ": line " + lineNo + ": " + e.getMessage());
        }
    }
}
