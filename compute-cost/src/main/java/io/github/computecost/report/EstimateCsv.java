package io.github.computecost.report;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.money.Amounts;

/**
 * One row per line item (RFC 4180: comma-separated, CRLF line ends, fields quoted where needed). The
 * {@code cost} column is exact and adds up to the estimate's exact total.
 */
final class EstimateCsv {

    static final String HEADER = "resource,type,region,description,usageType,quantity,unit,unitPrice,cost,currency,"
            + "priceStatus,priceAsOf";

    private EstimateCsv() {
    }

    static String render(Estimate e) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (ResourceEstimate r : e.resources()) {
            for (LineItem li : r.lineItems()) {
                row(sb, r.name(), r.type(), r.region(), li.description(), li.usageType(), Amounts.plain(li.quantity()),
                        li.unit(), Amounts.plain(li.unitPrice()), Amounts.plain(li.cost()), e.currency(),
                        li.provenance().status().id(), li.provenance().asOf().toString());
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields[i]));
        }
        sb.append("\r\n");
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
