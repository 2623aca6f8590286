package io.github.computecost.rerate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte-string keys, numbered in the order they were added, each with an exact running sum: the re-rater's
 * per-line table. Open addressing with linear probing; a slot holds the key's hash and its place in one byte
 * arena, and there the key's length, number and running sum lie beside its bytes. A lookup and an addition so
 * touch two places in memory (the slot and the entry), allocate nothing and cost little more than the two cache
 * misses a table larger than the cache cannot avoid (a profile of a bill showed nothing else).
 *
 * <p>A key may have several sums (the re-rater's usage, and AWS's costs beside it). Usage sums are in billionths in a
 * {@code long} while amounts are plain decimals of at most 9 places and 9 whole digits (nearly every bill line), cost
 * sums in units of 10^-10 for at most 10 places and 8 whole digits (AWS writes costs with ten places); anything else
 * (a sign, an exponent), and a sum about to overflow, goes to a {@code BigDecimal} beside it. Exact either way. Not
 * thread-safe.
 */
final class SumTable {

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final int SCALE = 9;
    /** The scale of cost sums: AWS writes costs with ten decimal places. */
    static final int COST_SCALE = 10;
    private static final long CARRY = 8_000_000_000_000_000_000L;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L};
    // An entry in the arena: key length, key number, each sum in billionths, each sum's largest scale added, the key.
    private static final int LENGTH = 0;
    private static final int NUMBER = 4;
    /**
     * Set in an entry's number once any of its sums has a {@code BigDecimal} part: reading a total then needs no look
     * at {@link #rests}, an array apart from the entry (one wait on memory less per key of a large table).
     */
    private static final int HAS_REST = 1 << 31;
    private static final int NANOS = 8;

    /** How many sums each key has (the re-rater keeps usage, unblended cost and effective cost per key). */
    private final int sums;
    /** Per sum: the scale of its fixed-point part ({@link #SCALE} for usage, {@link #COST_SCALE} for costs). */
    private final int[] scales;
    private final int maxScale;
    private final int keyAt;

    private long[] slots; // hash << 32 | (entry offset + 1); 0 for empty
    private int[] offsets; // per key number
    private BigDecimal[] rests; // per key number, null until an amount or a carry needs it
    private byte[] arena;
    private int arenaSize;
    private int size;

    SumTable(int expected) {
        this(expected, 1);
    }

    /**
     * @param sums how many exact sums each key has (at least 1), numbered from 0: the first in billionths, the others
     *     (costs) in units of 10^-{@value #COST_SCALE}
     */
    SumTable(int expected, int sums) {
        if (sums < 1) {
            throw new IllegalArgumentException("sums must be at least 1, was " + sums);
        }
        this.sums = sums;
        this.scales = new int[sums];
        java.util.Arrays.fill(scales, COST_SCALE);
        scales[0] = SCALE;
        this.maxScale = NANOS + 8 * sums;
        this.keyAt = maxScale + 4 * sums;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[cap];
        offsets = new int[Math.max(16, expected)];
        rests = new BigDecimal[offsets.length * sums];
        arena = new byte[Math.max(256, expected * (36 + 12 * sums))];
    }

    /** @return how many keys there are; they are numbered 0 to {@code size() - 1} */
    int size() {
        return size;
    }

    /** @return the entry of the key {@code k[0..len)} with hash {@code h} (from {@link #hash}), or -1 */
    int find(byte[] k, int len, int h) {
        return find(k, 0, len, h);
    }

    /** @return the entry of the key {@code k[off..off+len)} with hash {@code h}, or -1 */
    int find(byte[] k, int off, int len, int h) {
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) == h) {
                int e = (int) s - 1;
                if ((int) INTS.get(arena, e + LENGTH) == len && Arrays.equals(arena, e + keyAt, e + keyAt + len, k, off, off + len)) {
                    return e;
                }
            }
        }
    }

    /** @return the first slot a key of hash {@code h} would be looked for in: a load that a batch can overlap */
    long slot(int h) {
        return slots[h & (slots.length - 1)];
    }

    /**
     * @param len the length of the key looked for: an entry of its key spans this many bytes from its start
     * @return values from the first and the last cache line of the entry a slot (from {@link #slot}) points to, as
     *     the key looked for would span it: loads that a batch can overlap (an entry is not aligned to the cache's
     *     lines, and its key's end is often in the next line: that second wait was not overlapped)
     */
    int touch(long slot, int len) {
        if (slot == 0) {
            return 0;
        }
        int e = (int) slot - 1;
        return (int) INTS.get(arena, e + LENGTH) + arena[Math.min(arena.length - 1, e + keyAt + len - 1)];
    }

    /** @return values from the first and last bytes of the sums at {@code entry}: loads that a batch can overlap */
    int touchSums(int entry) {
        return arena[entry + NANOS] + arena[entry + keyAt - 1];
    }

    /** Adds a key that {@link #find} did not find, with a sum of zero. @return its entry */
    int add(byte[] k, int len, int h) {
        return add(k, 0, len, h);
    }

    /** Adds the key {@code k[off..off+len)}, which {@link #find} did not find. @return its entry */
    int add(byte[] k, int off, int len, int h) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            rests = Arrays.copyOf(rests, size * 2 * sums);
        }
        int e = arenaSize;
        if ((long) e + keyAt + len > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more distinct keys than one table holds (2 GiB of keys)");
        }
        if (e + keyAt + len > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(arena.length * 2L, e + keyAt + len)));
        }
        INTS.set(arena, e + LENGTH, len);
        INTS.set(arena, e + NUMBER, size);
        for (int i = 0; i < sums; i++) {
            LONGS.set(arena, e + NANOS + 8 * i, 0L);
            INTS.set(arena, e + maxScale + 4 * i, 0);
        }
        System.arraycopy(k, off, arena, e + keyAt, len);
        arenaSize = e + keyAt + len;
        offsets[size++] = e;
        place((long) h << 32 | (e + 1L));
        if (size * 2 > slots.length) { // load at most one half
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long s : old) {
                if (s != 0) {
                    place(s);
                }
            }
        }
        return e;
    }

    private void place(long s) {
        int mask = slots.length - 1;
        int i = (int) (s >>> 32) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = s;
    }

    /** Drops every key and sum, and the memory they took: the table is empty and must not be used again. */
    void release() {
        slots = new long[16];
        offsets = new int[0];
        rests = new BigDecimal[0];
        arena = new byte[0];
        arenaSize = 0;
        size = 0;
    }

    /** @return the entry of key number {@code n} */
    int entry(int n) {
        return offsets[n];
    }

    /** @return the number of the key at {@code entry} */
    int number(int entry) {
        return (int) INTS.get(arena, entry + NUMBER) & ~HAS_REST;
    }

    /** @return the bytes of the key at {@code entry}, as a copy */
    byte[] key(int entry) {
        int len = keyLength(entry);
        return Arrays.copyOfRange(arena, entry + keyAt, entry + keyAt + len);
    }

    /** @return the length of the key at {@code entry} */
    int keyLength(int entry) {
        return (int) INTS.get(arena, entry + LENGTH);
    }

    /** @return the array the keys lie in, until the next key is added: key {@code entry} from {@link #keyStart} */
    byte[] keyArena() {
        return arena;
    }

    /** @return where the key at {@code entry} starts in {@link #keyArena()} */
    int keyStart(int entry) {
        return entry + keyAt;
    }

    /** @return the scale of sum {@code sum}'s fixed-point part, for {@link #parse(byte[], int, int, int)} */
    int scale(int sum) {
        return scales[sum];
    }

    /** Adds an amount in billionths (from {@link #parse}) written with {@code places} decimal places, to sum 0. */
    void add(int entry, long amountNanos, int places) {
        add(entry, 0, amountNanos, places);
    }

    /** Adds an amount in units of the sum's {@link #scale} (from {@link #parse}), written with {@code places} places. */
    void add(int entry, int sum, long amountNanos, int places) {
        int scaleAt = entry + maxScale + 4 * sum;
        if (places > (int) INTS.get(arena, scaleAt)) {
            INTS.set(arena, scaleAt, places);
        }
        int at = entry + NANOS + 8 * sum;
        long v = (long) LONGS.get(arena, at);
        if (v >= CARRY) { // amounts are below 10^18 units: carry before the long could overflow
            int r = hasRest(entry) * sums + sum;
            rests[r] = rest(r).add(BigDecimal.valueOf(v, scales[sum]));
            v = 0;
        }
        LONGS.set(arena, at, v + amountNanos);
    }

    /** Adds any non-negative amount, exactly, to sum 0. */
    void add(int entry, BigDecimal amount) {
        add(entry, 0, amount);
    }

    /** Adds any amount (negative too), exactly, to a sum. */
    void add(int entry, int sum, BigDecimal amount) {
        int scaleAt = entry + maxScale + 4 * sum;
        if (amount.scale() > (int) INTS.get(arena, scaleAt)) {
            INTS.set(arena, scaleAt, Math.max(0, amount.scale()));
        }
        int r = hasRest(entry) * sums + sum;
        rests[r] = rest(r).add(amount);
    }

    /** Marks the entry as having a {@code BigDecimal} part. @return its number */
    private int hasRest(int entry) {
        int n = (int) INTS.get(arena, entry + NUMBER);
        INTS.set(arena, entry + NUMBER, n | HAS_REST);
        return n & ~HAS_REST;
    }

    /** @return whether sum {@code sum} at {@code entry} has no {@code BigDecimal} part (its rest is not read then) */
    private boolean fixedOnly(int entry, int sum) {
        int number = (int) INTS.get(arena, entry + NUMBER);
        return number >= 0 || rests[(number & ~HAS_REST) * sums + sum] == null;
    }

    /**
     * @return {@code buffer}, or a larger one, with room for a key of {@code length} bytes and the 8 bytes after it
     *     that {@link #hash} may read
     */
    static byte[] room(byte[] buffer, int length) {
        return length + 8 <= buffer.length ? buffer : new byte[Math.max(buffer.length * 2, length + 8)];
    }

    private BigDecimal rest(int r) {
        return rests[r] == null ? BigDecimal.ZERO : rests[r];
    }

    /** @return the exact sum 0 at {@code entry}, at the largest scale among the amounts added (as adding them gives) */
    BigDecimal total(int entry) {
        return total(entry, 0);
    }

    /** @return the exact sum {@code sum} at {@code entry}, at the largest scale among the amounts added to it */
    BigDecimal total(int entry, int sum) {
        long fixed = (long) LONGS.get(arena, entry + NANOS + 8 * sum);
        int scale = (int) INTS.get(arena, entry + maxScale + 4 * sum);
        // The common case: only fixed-point amounts (no BigDecimal part), at most that scale.
        if (fixedOnly(entry, sum) && scale <= scales[sum]) {
            long unit = POW10[scales[sum] - scale];
            if (fixed % unit == 0) { // always so: no amount had more places than the largest scale added
                return BigDecimal.valueOf(fixed / unit, scale);
            }
        }
        BigDecimal t = rest(number(entry) * sums + sum).add(BigDecimal.valueOf(fixed, scales[sum]));
        return scale <= scales[sum] && t.scale() > scale ? t.setScale(scale, RoundingMode.UNNECESSARY) : t;
    }

    /**
     * Adds sum {@code fromSum} of another table's entry {@code fromEntry} to sum {@code sum} at {@code entry}, exactly,
     * as adding its {@link #total} would (the same value, the same largest scale), without a {@code BigDecimal} when
     * it is held in fixed point at this sum's scale.
     */
    void add(int entry, int sum, SumTable from, int fromEntry, int fromSum) {
        long fixed = (long) LONGS.get(from.arena, fromEntry + NANOS + 8 * fromSum);
        int places = (int) INTS.get(from.arena, fromEntry + from.maxScale + 4 * fromSum);
        if (from.fixedOnly(fromEntry, fromSum) && from.scales[fromSum] == scales[sum]
                && places <= scales[sum] && fixed < 1_000_000_000_000_000_000L) { // below 10^18, as add() takes
            add(entry, sum, fixed, places);
        } else {
            add(entry, sum, from.total(fromEntry, fromSum));
        }
    }

    /** A 64-bit multiply-xorshift hash of {@code k[from..to)}, eight bytes at a time, folded to an int. */
    static int hash(byte[] k, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(k, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        long tail = 0;
        int rest = to - i;
        if (rest > 0 && i + 8 <= k.length) { // the bytes after the key are read and masked off
            tail = (long) LONGS.get(k, i) & (-1L >>> (64 - 8 * rest));
        } else {
            for (int shift = 0; i < to; i++, shift += 8) {
                tail |= (k[i] & 0xFFL) << shift;
            }
        }
        h = (h ^ tail) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h;
    }

    /** The decimal places of the amount {@link #parse} read last. */
    private int parsedPlaces;

    /**
     * The ASCII text {@code b[from..to)} as a plain non-negative decimal ({@code 123}, {@code 0.25}) in
     * billionths, noting its decimal places for {@link #parsedPlaces()} on the way (one pass over the amount).
     *
     * @return the billionths, or -1 if the text is anything else (signs, exponents, spaces, more than 9 places or 9
     *     whole digits): those go to {@code BigDecimal}
     */
    long parse(byte[] b, int from, int to) {
        return parse(b, from, to, SCALE);
    }

    /**
     * The same in units of 10^-{@code scale} (at most {@value #COST_SCALE}): at most {@code scale} places and
     * {@code 18 - scale} whole digits, so that it is below 10^18.
     */
    long parse(byte[] b, int from, int to, int scale) {
        int n = to - from;
        if (n <= 0 || n > 19) {
            return -1;
        }
        if (n <= 16 && from + 16 <= b.length) {
            long v = parseWords(b, from, n, scale);
            if (v >= 0) {
                return v;
            }
        }
        long v = 0;
        int dot = -1;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                v = v * 10 + d;
            } else if (b[i] == '.' && dot < 0 && i > from && i < to - 1) {
                dot = i;
            } else {
                return -1;
            }
        }
        int places = dot < 0 ? 0 : to - dot - 1;
        int whole = dot < 0 ? n : dot - from;
        if (places > scale || whole > 18 - scale) {
            return -1;
        }
        parsedPlaces = places;
        return v * POW10[scale - places]; // at most 18 digits in all: below 10^18, no overflow
    }

    private static final long ZEROS = Words.of('0');
    private static final long DOTS = Words.of('.');

    /**
     * {@link #parse}'s common case, sixteen bytes at a time (two words read, the bytes past the amount masked off): a
     * plain decimal of at most 16 bytes with at most one dot, neither first nor last. No loop over the digits: the dot
     * is found and taken out of the words, the digits are checked and converted eight at a time. Needs
     * {@code from + 16 <= b.length}. @return the units, as {@code parse} gives them, or -1 for anything else (the
     *     digit-by-digit loop then reads it, and agrees)
     */
    long parseWords(byte[] b, int from, int n, int scale) {
        long lo = (long) LONGS.get(b, from);
        long hi = (long) LONGS.get(b, from + 8);
        if (n < 8) {
            lo &= low(n);
            hi = 0;
        } else {
            hi &= low(n - 8);
        }
        // The bytes masked off are zero, not dots: no mask of the dots is needed.
        long loDots = Words.zeroBytes(lo ^ DOTS);
        long hiDots = Words.zeroBytes(hi ^ DOTS);
        int dots = Long.bitCount(loDots) + Long.bitCount(hiDots);
        int m = n; // digits
        int places = 0;
        if (dots == 1) {
            int p = loDots != 0 ? Long.numberOfTrailingZeros(loDots) >>> 3
                    : 8 + (Long.numberOfTrailingZeros(hiDots) >>> 3);
            if (p == 0 || p == n - 1) {
                return -1;
            }
            if (p < 8) { // the bytes after the dot move down one; hi's first byte becomes lo's last
                long keep = low(p);
                lo = (lo & keep) | ((lo >>> 8) & ~keep) | (hi << 56);
                hi >>>= 8;
            } else {
                long keep = low(p - 8);
                hi = (hi & keep) | ((hi >>> 8) & ~keep);
            }
            m = n - 1;
            places = n - p - 1;
        } else if (dots > 1) {
            return -1;
        }
        if (places > scale || m - places > 18 - scale) {
            return -1;
        }
        long v;
        if (m <= 8) {
            long t = lo << (8 * (8 - m)); // the digits in the high bytes: the low ones are leading zeros
            if (!eightDigits(t | ZEROS & low(8 - m))) {
                return -1;
            }
            v = eightDigitsValue(t);
        } else {
            int k = m - 8;
            long t = hi << (8 * (8 - k));
            if (!eightDigits(lo) || !eightDigits(t | ZEROS & low(8 - k))) {
                return -1;
            }
            v = eightDigitsValue(lo) * POW10[k] + eightDigitsValue(t);
        }
        parsedPlaces = places;
        return v * POW10[scale - places];
    }

    /** @return a mask of the low {@code bytes} bytes of a word (0 to 8), in two shifts: Java takes a shift mod 64 */
    private static long low(int bytes) {
        return ~((-1L << (4 * bytes)) << (4 * bytes));
    }

    /** @return whether all eight bytes of a word are ASCII digits */
    private static boolean eightDigits(long w) {
        return ((w & 0xF0F0F0F0F0F0F0F0L) | (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** @return the value of eight ASCII digits (the first in the lowest byte), by three multiplications */
    private static long eightDigitsValue(long w) {
        w = ((w & 0x0F0F0F0F0F0F0F0FL) * 2561) >>> 8;
        w = ((w & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((w & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    /** @return the decimal places of the amount that {@link #parse} read last, if it returned billionths */
    int parsedPlaces() {
        return parsedPlaces;
    }
}
