package io.github.computecost.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields of one CSV line, for AWS's exports and Price List files (which have no line breaks inside
 * fields). Shared by the Price List importer and the re-rater's header (the re-rater splits its rows on bytes, the same
 * way: see {@code rerate.Aggregator}).
 */
public final class Csv {

    private Csv() {
    }

    /**
     * @return every field of the line, quotes removed and doubled quotes undone
     * @throws IllegalArgumentException if a quoted field is not closed (a truncated line)
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            int from = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    out.add(line.substring(from, i));
                    from = i + 1;
                }
            }
            out.add(line.substring(from));
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed (truncated?)");
        }
        out.add(cur.toString());
        return out;
    }
}
