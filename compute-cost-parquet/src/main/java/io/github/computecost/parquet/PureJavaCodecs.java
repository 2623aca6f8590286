package io.github.computecost.parquet;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's page codecs in pure Java, for reading only: Snappy, zstd and LZ4 (raw) by aircompressor, gzip by the JDK.
 * parquet-java's own factory makes a Hadoop configuration to find its codecs, which needs all of Hadoop's client
 * runtime (30 MB of shaded libraries) and native Snappy and zstd libraries; this one needs neither, so the command line
 * can read Parquet without them. LZO, Brotli and Hadoop's framed LZ4 are refused by name.
 *
 * <p>For parquet-java's {@code ParquetReadOptions.Builder.withCodecFactory}, as {@link ParquetExport} uses it. Reads
 * only: {@link #getCompressor} throws.
 */
public final class PureJavaCodecs implements CompressionCodecFactory {

    /** The codecs; they hold no state, and one factory may serve any number of readers. */
    public PureJavaCodecs() {
    }

    /**
     * @param file a local Parquet file
     * @return parquet-java's reader of it, with these codecs and a plain configuration (no Hadoop configuration), as
     *     {@link ParquetExport} reads
     * @throws java.io.IOException if the file cannot be opened or has no Parquet footer
     */
    public static org.apache.parquet.hadoop.ParquetFileReader open(java.nio.file.Path file)
            throws java.io.IOException {
        return org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file),
                org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .withCodecFactory(new PureJavaCodecs()).build());
    }

    /** @throws UnsupportedOperationException always: compute-cost never writes Parquet */
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("compute-cost reads Parquet and never writes it");
    }

    /**
     * @throws UnsupportedCodecException for LZO, Brotli and Hadoop's framed LZ4, which are not read
     */
    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Block(null);
            case SNAPPY -> new Block(new SnappyDecompressor());
            case ZSTD -> new Block(new ZstdDecompressor());
            case LZ4_RAW -> new Block(new Lz4Decompressor());
            case GZIP -> new Gzip();
            default -> throw new UnsupportedCodecException(codec);
        };
    }

    @Override
    public void release() {
    }

    /** A page's compressed bytes, copied once out of parquet-java's buffers. */
    private static final class Bytes extends java.io.ByteArrayOutputStream {
        private Bytes(int size) {
            super(size);
        }

        static Bytes of(BytesInput page) throws IOException {
            Bytes b = new Bytes((int) Math.min(Integer.MAX_VALUE - 8, page.size()));
            page.writeAllTo(b);
            return b;
        }

        byte[] array() {
            return buf;
        }

        int length() {
            return count;
        }
    }

    /** A codec this reader lacks: the file is refused, naming it. */
    public static final class UnsupportedCodecException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedCodecException(CompressionCodecName codec) {
            super("pages compressed with " + codec + ", which compute-cost does not read (it reads uncompressed, "
                    + "SNAPPY, GZIP, ZSTD and LZ4_RAW pages)");
        }
    }

    /** A codec of whole blocks: a page's bytes in, its uncompressed bytes out. */
    private static final class Block implements BytesInputDecompressor {
        private final Decompressor decompressor;

        Block(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (decompressor == null) {
                return bytes;
            }
            Bytes in = Bytes.of(bytes);
            byte[] out = new byte[uncompressedSize];
            int n = run(in.array(), 0, in.length(), out);
            if (n != uncompressedSize) {
                throw new IOException("a page decompressed to " + n + " bytes, not the " + uncompressedSize
                        + " its header gives");
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in); // as parquet-java's own codecs: the input is consumed, the output filled from its position
            byte[] out = decompressor == null ? in : new byte[decompressedSize];
            int n = decompressor == null ? in.length : run(in, 0, compressedSize, out);
            if (n != decompressedSize) {
                throw new IOException("a page decompressed to " + n + " bytes, not " + decompressedSize);
            }
            output.put(out, 0, n);
        }

        private int run(byte[] in, int from, int length, byte[] out) throws IOException {
            try {
                return decompressor.decompress(in, from, length, out, 0, out.length);
            } catch (MalformedInputException e) {
                throw new IOException("a page is not valid compressed data: " + e.getMessage(), e);
            }
        }

        @Override
        public void release() {
        }
    }

    /** gzip pages, by the JDK's inflater. */
    private static final class Gzip implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            Bytes in = Bytes.of(bytes);
            return BytesInput.from(inflate(in.array(), 0, in.length(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(inflate(in, 0, in.length, decompressedSize));
        }

        private static byte[] inflate(byte[] in, int from, int length, int size) throws IOException {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in, from, length),
                    Math.max(512, length))) {
                byte[] out = gz.readNBytes(size);
                if (out.length != size || gz.read() >= 0) {
                    throw new IOException("a gzip page is not the " + size + " bytes its header gives");
                }
                return out;
            }
        }

        @Override
        public void release() {
        }
    }
}
