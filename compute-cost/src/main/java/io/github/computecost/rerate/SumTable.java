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
 * <p>Sums are in billionths in a {@code long} while amounts are plain decimals of at most 9 places and 9 whole
 * digits (nearly every bill line); anything else, and a sum about to overflow, goes to a {@code BigDecimal}
 * beside it. Exact either way. Not thread-safe.
 */
final class SumTable {

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final int SCALE = 9;
    private static final long CARRY = 8_000_000_000_000_000_000L;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};
    // An entry in the arena: key length, key number, sum in billionths, largest scale added, then the key.
    private static final int LENGTH = 0;
    private static final int NUMBER = 4;
    private static final int NANOS = 8;
    private static final int MAX_SCALE = 16;
    private static final int KEY = 20;

    private long[] slots; // hash << 32 | (entry offset + 1); 0 for empty
    private int[] offsets; // per key number
    private BigDecimal[] rests; // per key number, null until an amount or a carry needs it
    private byte[] arena;
    private int arenaSize;
    private int size;

    SumTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[cap];
        offsets = new int[Math.max(16, expected)];
        rests = new BigDecimal[offsets.length];
        arena = new byte[Math.max(256, expected * 48)];
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
                if ((int) INTS.get(arena, e + LENGTH) == len && Arrays.equals(arena, e + KEY, e + KEY + len, k, off, off + len)) {
                    return e;
                }
            }
        }
    }

    /** @return the first slot a key of hash {@code h} would be looked for in: a load that a batch can overlap */
    long slot(int h) {
        return slots[h & (slots.length - 1)];
    }

    /** @return a value of the entry a slot (from {@link #slot}) points to: a load that a batch can overlap */
    int touch(long slot) {
        return slot == 0 ? 0 : (int) INTS.get(arena, (int) slot - 1 + LENGTH);
    }

    /** Adds a key that {@link #find} did not find, with a sum of zero. @return its entry */
    int add(byte[] k, int len, int h) {
        return add(k, 0, len, h);
    }

    /** Adds the key {@code k[off..off+len)}, which {@link #find} did not find. @return its entry */
    int add(byte[] k, int off, int len, int h) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            rests = Arrays.copyOf(rests, size * 2);
        }
        int e = arenaSize;
        if ((long) e + KEY + len > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more distinct keys than one table holds (2 GiB of keys)");
        }
        if (e + KEY + len > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(arena.length * 2L, e + KEY + len)));
        }
        INTS.set(arena, e + LENGTH, len);
        INTS.set(arena, e + NUMBER, size);
        LONGS.set(arena, e + NANOS, 0L);
        INTS.set(arena, e + MAX_SCALE, 0);
        System.arraycopy(k, off, arena, e + KEY, len);
        arenaSize = e + KEY + len;
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

    /** @return the entry of key number {@code n} */
    int entry(int n) {
        return offsets[n];
    }

    /** @return the number of the key at {@code entry} */
    int number(int entry) {
        return (int) INTS.get(arena, entry + NUMBER);
    }

    /** @return the bytes of the key at {@code entry}, as a copy */
    byte[] key(int entry) {
        int len = (int) INTS.get(arena, entry + LENGTH);
        return Arrays.copyOfRange(arena, entry + KEY, entry + KEY + len);
    }

    /** Adds an amount in billionths (from {@link #parse}) written with {@code places} decimal places. */
    void add(int entry, long amountNanos, int places) {
        if (places > (int) INTS.get(arena, entry + MAX_SCALE)) {
            INTS.set(arena, entry + MAX_SCALE, places);
        }
        long sum = (long) LONGS.get(arena, entry + NANOS);
        if (sum >= CARRY) { // amounts are below 10^18 billionths: carry before the long could overflow
            int n = number(entry);
            rests[n] = rest(n).add(BigDecimal.valueOf(sum, SCALE));
            sum = 0;
        }
        LONGS.set(arena, entry + NANOS, sum + amountNanos);
    }

    /** Adds any non-negative amount, exactly. */
    void add(int entry, BigDecimal amount) {
        if (amount.scale() > (int) INTS.get(arena, entry + MAX_SCALE)) {
            INTS.set(arena, entry + MAX_SCALE, Math.max(0, amount.scale()));
        }
        int n = number(entry);
        rests[n] = rest(n).add(amount);
    }

    private BigDecimal rest(int n) {
        return rests[n] == null ? BigDecimal.ZERO : rests[n];
    }

    /** @return the exact sum at {@code entry}, at the largest scale among the amounts added (as adding them gives) */
    BigDecimal total(int entry) {
        BigDecimal t = rest(number(entry)).add(BigDecimal.valueOf((long) LONGS.get(arena, entry + NANOS), SCALE));
        int maxScale = (int) INTS.get(arena, entry + MAX_SCALE);
        return maxScale <= SCALE && t.scale() > maxScale ? t.setScale(maxScale, RoundingMode.UNNECESSARY) : t;
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
        int n = to - from;
        if (n <= 0 || n > 19) {
            return -1;
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
        if (places > SCALE || whole > 9) {
            return -1;
        }
        parsedPlaces = places;
        return v * POW10[SCALE - places]; // whole digits ≤ 9 and places ≤ 9: below 10^18, no overflow
    }

    /** @return the decimal places of the amount that {@link #parse} read last, if it returned billionths */
    int parsedPlaces() {
        return parsedPlaces;
    }
}
