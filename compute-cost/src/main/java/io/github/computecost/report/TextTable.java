package io.github.computecost.report;

import java.util.List;

/** A plain-text table: columns padded to their widest cell, two spaces apart, indented by two. */
final class TextTable {

    private TextTable() {
    }

    /**
     * @param rows the rows, the header first, all of the same length
     * @param right {@code right[i]} right-aligns column i (numbers)
     */
    static void append(StringBuilder sb, List<String[]> rows, boolean[] right) {
        int[] w = new int[right.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            sb.append("  ");
            for (int i = 0; i < row.length; i++) {
                String fill = " ".repeat(w[i] - row[i].length());
                sb.append(right[i] ? fill + row[i] : i < row.length - 1 ? row[i] + fill : row[i]);
                sb.append(i < row.length - 1 ? "  " : "\n");
            }
        }
    }
}
