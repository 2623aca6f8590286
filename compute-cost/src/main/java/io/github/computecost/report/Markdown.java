package io.github.computecost.report;

/** Small helpers for GitHub-flavoured Markdown tables. */
final class Markdown {

    private Markdown() {
    }

    /** Escapes a table cell: pipes, and newlines folded to spaces. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    static void row(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append('\n');
    }

    /** A header row and its separator; {@code right[i]} right-aligns column i. */
    static void header(StringBuilder sb, boolean[] right, String... cells) {
        row(sb, cells);
        sb.append('|');
        for (int i = 0; i < cells.length; i++) {
            sb.append(right[i] ? " ---: |" : " --- |");
        }
        sb.append('\n');
    }
}
