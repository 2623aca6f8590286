package io.github.computecost.pricelist;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an AWS Pricing Calculator metered-unit map ({@code
 * https://calculator.aws/pricing/2.0/meteredUnitMaps/SERVICE/USD/current/SERVICE.json}): a {@code regions} object
 * keyed by the region's Price List location ({@code "EU (Frankfurt)"}), each holding meters keyed by name
 * ({@code "Lambda Duration-ARM"}) with their {@code price} and {@code rateCode}. Prices are read as the file's
 * decimal text.
 */
final class CalculatorMap {

    /**
     * One meter of one region.
     *
     * @param location the region's key in the map (a Price List location name)
     * @param meter the meter's name
     * @param price its price, exactly as written
     * @param rateCode the Price List rate code (SKU.offer term.price dimension), possibly empty
     */
    record Meter(String location, String meter, BigDecimal price, String rateCode) {
        Meter {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(meter, "meter");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(rateCode, "rateCode");
        }
    }

    /**
     * The map's meters and its date.
     *
     * @param meters every meter of every region
     * @param published the map's publication date ({@code manifest.publicationDate}, the day only)
     */
    record Read(List<Meter> meters, String published) {
    }

    private CalculatorMap() {
    }

    static Read read(Path file) {
        JsonNode root;
        try {
            root = Json.readTree(Files.readAllBytes(file), false);
        } catch (NoSuchFileException e) {
            throw new PriceListException(file + ": not found");
        } catch (IOException e) {
            throw new PriceListException(file + ": not valid JSON: " + e.getMessage());
        }
        JsonNode regions = root.path("regions");
        if (!regions.isObject()) {
            throw new PriceListException(file + ": not a metered-unit map (no \"regions\" object)");
        }
        String published = root.path("manifest").path("publicationDate").asText("");
        if (!published.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            throw new PriceListException(file + ": $.manifest.publicationDate: missing or not a date, was \"" + published
                    + "\" (every price needs a date)");
        }
        List<Meter> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = regions.fields(); r.hasNext(); ) {
            Map.Entry<String, JsonNode> region = r.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = region.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> meter = m.next();
                JsonNode price = meter.getValue().path("price");
                if (!price.isValueNode()) {
                    throw new PriceListException(file + ": $.regions." + region.getKey() + "." + meter.getKey()
                            + ".price: missing");
                }
                BigDecimal p;
                try {
                    p = new BigDecimal(price.asText().trim());
                } catch (NumberFormatException e) {
                    throw new PriceListException(file + ": $.regions." + region.getKey() + "." + meter.getKey()
                            + ".price: not a number: \"" + price.asText() + "\"");
                }
                out.add(new Meter(region.getKey(), meter.getKey(), p, meter.getValue().path("rateCode").asText("")));
            }
        }
        return new Read(out, published.substring(0, 10));
    }
}
