package io.github.computecost.rerate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one tag's value out of an export's tag map column, on the row's bytes: CUR 2.0's {@code resource_tags} and
 * FOCUS's {@code Tags}, which a CSV export writes as a JSON object of strings ({@code {"user_team":"web"}}) and
 * Parquet holds as a {@code map<string,string>} (rendered the same way by {@link RowBytes#json}). Not thread-safe:
 * the value found is decoded into a buffer reused from row to row.
 *
 * <p>Which map key is the tag: in a Cost and Usage Report, AWS writes a user tag {@code team} as {@code user_team}
 * (CUR 2.0 makes every character that is not a letter or digit an underscore and lowers the case), so keys are
 * compared after that same rule, and {@code user:team} matches too. FOCUS keeps the tag's key as it was set (a
 * provider's own tags carry a prefix), so its keys are compared exactly, with {@code user:team} taken as well.
 */
final class TagMap {

    /** For a CUR: {@code user_KEY} after CUR 2.0's rule; for FOCUS: {@code KEY}, and {@code user:KEY}. */
    private final byte[] wanted;
    private final byte[] wantedPrefixed;
    private final boolean normalised;

    private byte[] value = new byte[64];
    private int valueLength;
    private byte[] name = new byte[64];
    private int nameLength;

    private TagMap(byte[] wanted, byte[] wantedPrefixed, boolean normalised) {
        this.wanted = wanted;
        this.wantedPrefixed = wantedPrefixed;
        this.normalised = normalised;
    }

    /** @return a reader of the user tag {@code key} from a Cost and Usage Report's {@code resource_tags} map */
    static TagMap cur(String key) {
        byte[] w = ("user_" + key).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < w.length; i++) {
            w[i] = normal(w[i]);
        }
        return new TagMap(w, null, true);
    }

    /** @return a reader of the tag {@code key} from a FOCUS export's {@code Tags} map */
    static TagMap focus(String key) {
        return new TagMap(key.getBytes(StandardCharsets.UTF_8), ("user:" + key).getBytes(StandardCharsets.UTF_8),
                false);
    }

    /** CUR 2.0's rule for a tag key's characters: letters and digits in lower case, anything else an underscore. */
    private static byte normal(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return (byte) (b + ('a' - 'A'));
        }
        return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' ? b : (byte) '_';
    }

    /** The value of every tag of a row whose map is not a JSON object of strings. */
    static final String NOT_A_MAP = "(tag map not read: not a JSON object)";
    private static final byte[] NOT_A_MAP_BYTES = NOT_A_MAP.getBytes(StandardCharsets.UTF_8);

    /** Makes {@link #NOT_A_MAP} the value found, for a row whose map could not be read. */
    void notAMap() {
        value = room(value, NOT_A_MAP_BYTES.length);
        System.arraycopy(NOT_A_MAP_BYTES, 0, value, 0, NOT_A_MAP_BYTES.length);
        valueLength = NOT_A_MAP_BYTES.length;
    }

    /** @return the value last found */
    byte[] value() {
        return value;
    }

    /** @return its length; 0 when the tag was not in the map (untagged) */
    int valueLength() {
        return valueLength;
    }

    /**
     * Finds the tag in the JSON object {@code b[s..e)} (empty: no tags); its value is then {@link #value()} up to
     * {@link #valueLength()}, empty when the map does not hold the tag or holds it as {@code null}.
     *
     * @return false if the text is not a JSON object of strings
     */
    boolean find(byte[] b, int s, int e) {
        valueLength = 0;
        int p = space(b, s, e);
        if (p == e) {
            return true; // no map: untagged
        }
        if (b[p] != '{') {
            return false;
        }
        p = space(b, p + 1, e);
        if (p < e && b[p] == '}') {
            return space(b, p + 1, e) == e;
        }
        boolean found = false;
        while (p < e) {
            if (b[p] != '"') {
                return false;
            }
            p = string(b, p + 1, e, false);
            if (p < 0) {
                return false;
            }
            boolean match = !found && matches();
            p = space(b, p, e);
            if (p == e || b[p] != ':') {
                return false;
            }
            p = space(b, p + 1, e);
            if (p == e) {
                return false;
            }
            if (b[p] == '"') {
                p = match ? string(b, p + 1, e, true) : string(b, p + 1, e, false);
                if (p < 0) {
                    return false;
                }
                found |= match;
            } else if (e - p >= 4 && b[p] == 'n' && b[p + 1] == 'u' && b[p + 2] == 'l' && b[p + 3] == 'l') {
                p += 4; // a tag without a value: untagged
                found |= match;
            } else {
                return false;
            }
            p = space(b, p, e);
            if (p == e) {
                return false;
            }
            if (b[p] == '}') {
                return space(b, p + 1, e) == e;
            }
            if (b[p] != ',') {
                return false;
            }
            p = space(b, p + 1, e);
        }
        return false;
    }

    private boolean matches() {
        if (normalised) {
            if (nameLength != wanted.length) {
                return false;
            }
            for (int i = 0; i < nameLength; i++) {
                if (normal(name[i]) != wanted[i]) {
                    return false;
                }
            }
            return true;
        }
        return Arrays.equals(name, 0, nameLength, wanted, 0, wanted.length)
                || Arrays.equals(name, 0, nameLength, wantedPrefixed, 0, wantedPrefixed.length);
    }

    private static int space(byte[] b, int p, int e) {
        while (p < e && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r')) {
            p++;
        }
        return p;
    }

    /**
     * Decodes the JSON string starting after its opening quote at {@code p} into the key's buffer, or the value's
     * when {@code intoValue}. @return the index after its closing quote, or -1 if it is not a JSON string
     */
    private int string(byte[] b, int p, int e, boolean intoValue) {
        byte[] out = intoValue ? value : name;
        int n = 0;
        while (p < e) {
            byte c = b[p++];
            if (c == '"') {
                if (intoValue) {
                    value = out;
                    valueLength = n;
                } else {
                    name = out;
                    nameLength = n;
                }
                return p;
            }
            if ((c & 0xFF) < 0x20) {
                return -1;
            }
            if (c == '\\') {
                if (p == e) {
                    return -1;
                }
                byte x = b[p++];
                int cp;
                switch (x) {
                    case '"', '\\', '/' -> cp = x;
                    case 'b' -> cp = '\b';
                    case 'f' -> cp = '\f';
                    case 'n' -> cp = '\n';
                    case 'r' -> cp = '\r';
                    case 't' -> cp = '\t';
                    case 'u' -> {
                        cp = hex4(b, p, e);
                        if (cp < 0) {
                            return -1;
                        }
                        p += 4;
                        if (Character.isHighSurrogate((char) cp) && e - p >= 6 && b[p] == '\\' && b[p + 1] == 'u') {
                            int low = hex4(b, p + 2, e);
                            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                                cp = Character.toCodePoint((char) cp, (char) low);
                                p += 6;
                            }
                        }
                    }
                    default -> {
                        return -1;
                    }
                }
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out = room(out, n + utf8.length);
                System.arraycopy(utf8, 0, out, n, utf8.length);
                n += utf8.length;
            } else {
                out = room(out, n + 1);
                out[n++] = c;
            }
        }
        return -1;
    }

    private static int hex4(byte[] b, int p, int e) {
        if (e - p < 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(b[p + i], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static byte[] room(byte[] out, int n) {
        return n <= out.length ? out : Arrays.copyOf(out, Math.max(out.length * 2, n));
    }
}
