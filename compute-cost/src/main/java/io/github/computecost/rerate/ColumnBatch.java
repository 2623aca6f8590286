package io.github.computecost.rerate;

import java.util.Arrays;

/**
 * Rows of an export given column by column, a batch of rows at a time, for {@link Partial#add(ColumnBatch)}: what a
 * columnar reader (a Parquet row group's column readers) holds after reading each column's values in turn, without
 * a row of values made for each row. A text column holds each row's value as its number ({@link Partial#intern}),
 * a column of {@code double}s each row's double, read from its shortest decimal's digits as
 * {@link RowBytes#add(double)} reads it; a column given neither way is empty in every row, as a column not read.
 *
 * <p>Reused from one batch to the next: {@link #clear} empties every column. Not thread-safe.
 */
public final class ColumnBatch {

    private static final byte NONE = 0;
    private static final byte NUMBERS = 1;
    private static final byte DOUBLES = 2;

    private final int width;
    private final byte[] form;
    private final int[][] numbers;
    private final double[][] doubles;
    /** Per column of doubles, a bit per row: set where the value is empty. */
    private final long[][] empty;
    private int rows;
    private int capacity;

    /**
     * @param width how many columns a row has: those of the header the partial was made for, or at least as many as
     *     it reads ({@link Partial#columnsRead()})
     * @throws IllegalArgumentException if {@code width} is negative
     */
    public ColumnBatch(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width must be at least 0, was " + width);
        }
        this.width = width;
        this.form = new byte[width];
        this.numbers = new int[width][];
        this.doubles = new double[width][];
        this.empty = new long[width][];
    }

    /**
     * Starts a batch of {@code rows} rows, every column empty in each.
     *
     * @param rows how many rows the batch holds
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public void clear(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, was " + rows);
        }
        this.rows = rows;
        if (rows > capacity) {
            capacity = Math.max(rows, capacity * 2);
            for (int c = 0; c < width; c++) {
                numbers[c] = null;
                doubles[c] = null;
                empty[c] = null;
            }
        }
        Arrays.fill(form, NONE);
    }

    /** @return how many rows the batch holds */
    public int rows() {
        return rows;
    }

    /** @return how many columns a row has */
    public int width() {
        return width;
    }

    /**
     * Makes {@code column} a text column of this batch.
     *
     * @param column a column of the header
     * @return where the caller writes each row's value, row {@code i} at {@code i} for {@code i < rows()}: its number
     *     ({@link Partial#intern}), or -1 where the value is empty (none, or the empty text); its contents are what the
     *     last batch left
     */
    public int[] numbers(int column) {
        form[column] = NUMBERS;
        int[] a = numbers[column];
        if (a == null) {
            a = new int[capacity];
            numbers[column] = a;
        }
        return a;
    }

    /**
     * Makes {@code column} a column of doubles of this batch, every value present until {@link #empty} says otherwise.
     *
     * @param column a column of the header
     * @return where the caller writes each row's double, row {@code i} at {@code i} for {@code i < rows()}
     */
    public double[] doubles(int column) {
        form[column] = DOUBLES;
        double[] a = doubles[column];
        if (a == null) {
            a = new double[capacity];
            doubles[column] = a;
            empty[column] = new long[(capacity + 63) >>> 6];
        } else {
            Arrays.fill(empty[column], 0, (rows + 63) >>> 6, 0L);
        }
        return a;
    }

    /**
     * Marks row {@code row}'s value of a column of doubles ({@link #doubles}) empty.
     *
     * @param column a column made a column of doubles in this batch
     * @param row a row below {@link #rows()}
     * @throws IllegalStateException if the column is not a column of doubles in this batch
     */
    public void empty(int column, int row) {
        if (form[column] != DOUBLES) {
            throw new IllegalStateException("column " + column + " holds no doubles in this batch");
        }
        java.util.Objects.checkIndex(row, rows);
        empty[column][row >>> 6] |= 1L << row;
    }

    /** @return whether {@code column} holds numbers (text) in this batch */
    boolean hasNumbers(int column) {
        return column >= 0 && column < width && form[column] == NUMBERS;
    }

    /** @return whether {@code column} holds doubles in this batch */
    boolean hasDoubles(int column) {
        return column >= 0 && column < width && form[column] == DOUBLES;
    }

    /** @return a text column's numbers, or null if it holds none in this batch */
    int[] numbersOf(int column) {
        return hasNumbers(column) ? numbers[column] : null;
    }

    /** @return a column's doubles, or null if it holds none in this batch */
    double[] doublesOf(int column) {
        return hasDoubles(column) ? doubles[column] : null;
    }

    /** @return a column of doubles' bits of empty rows, a word per 64 rows, or null if it holds no doubles */
    long[] emptyOf(int column) {
        return hasDoubles(column) ? empty[column] : null;
    }

    /** @return row {@code row}'s number in a text column */
    int number(int column, int row) {
        return numbers[column][row];
    }

    /** @return whether row {@code row}'s value of a column of doubles is empty */
    boolean isEmpty(int column, int row) {
        return (empty[column][row >>> 6] & 1L << row) != 0;
    }

    /** @return row {@code row}'s double in a column of doubles */
    double doubleAt(int column, int row) {
        return doubles[column][row];
    }
}
