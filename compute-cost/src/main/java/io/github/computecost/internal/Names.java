package io.github.computecost.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Near-match suggestions for mistyped names ("did you mean ...?"). */
public final class Names {

    private Names() {
    }

    /** @return {@code " (did you mean a, b, c?)"} with up to three closest names, or empty text */
    public static String nearest(String wanted, Collection<String> known) {
        List<String> best = known.stream()
                .sorted(Comparator.comparingInt((String k) -> distance(wanted, k)).thenComparing(k -> k))
                .limit(3).collect(Collectors.toList());
        return best.isEmpty() ? "" : " (did you mean " + String.join(", ", best) + "?)";
    }

    /**
     * @param maxDistance the most edits a near miss may be away
     * @return the known name closest to {@code wanted} (one in another case first, then the fewest edits, then the
     *     first in order), if one is within {@code maxDistance} edits
     */
    public static java.util.Optional<String> closest(String wanted, Collection<String> known, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(wanted) ? 0 : distance(wanted, k);
            if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= maxDistance ? java.util.Optional.ofNullable(best) : java.util.Optional.empty();
    }

    /**
     * Edit distance with adjacent transpositions (optimal string alignment): a swap of two letters, the commonest
     * typo ({@code Memroy}), is one edit, as an insertion, a deletion or a substitution is.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
