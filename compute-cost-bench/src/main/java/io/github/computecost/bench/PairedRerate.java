package io.github.computecost.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two or more builds of the library in one JVM, re-rating the same file in turn: each build's classes (a
 * {@code target/classes} directory or a jar) are loaded by their own class loader, and the builds take turns, in
 * reverse order every other round, so that a machine whose speed drifts between runs (a shared VM) slows them alike.
 * Prints, per build, the median wall and CPU time of a re-rating after the first two rounds, and the median of its
 * CPU time over the first build's in the same round, with their range, and checks that every build gives the same
 * total. An A/A run (one build given twice) shows how far apart the same code measures. Run by
 * {@code bench/paired.sh}.
 */
public final class PairedRerate {

    private PairedRerate() {
    }

    /** Loads the library's classes from its own path first, so that each build is its own. */
    private static final class BuildLoader extends URLClassLoader {

        /** @param build class directories or jars, separated as a class path is ({@link File#pathSeparator}) */
        BuildLoader(String build, ClassLoader parent) throws IOException {
            super(urls(build), parent);
        }

        private static URL[] urls(String build) throws IOException {
            String[] paths = build.split(java.util.regex.Pattern.quote(File.pathSeparator));
            URL[] urls = new URL[paths.length];
            for (int i = 0; i < paths.length; i++) {
                urls[i] = Path.of(paths[i]).toUri().toURL();
            }
            return urls;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.github.computecost.") || name.startsWith("io.github.computecost.bench.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInBuild) {
                        c = super.loadClass(name, resolve);
                    }
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) { // the build's own bundled prices
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }

    /** One build's {@code Rerater.of(PriceBook.bundled())} and its {@code rate(Path)}, by reflection. */
    private record Build(String name, Object rerater, Method rate, Method total) {

        static Build load(String path) throws ReflectiveOperationException, IOException {
            ClassLoader l = new BuildLoader(path, PairedRerate.class.getClassLoader());
            Class<?> book = l.loadClass("io.github.computecost.pricing.PriceBook");
            Class<?> rerater = l.loadClass("io.github.computecost.rerate.Rerater");
            Object r = rerater.getMethod("of", book).invoke(null, book.getMethod("bundled").invoke(null));
            Method rate = rerater.getMethod("rate", Path.class);
            return new Build(path, r, rate, rate.getReturnType().getMethod("totalExact"));
        }

        /** @return one re-rating of {@code file}: its wall and this thread's CPU time, and its total */
        Run run(Path file, ThreadMXBean mx) throws ReflectiveOperationException {
            long t = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            Object result = rate.invoke(rerater, file);
            long wall = System.nanoTime() - t;
            long cpu = mx.getCurrentThreadCpuTime() - c;
            return new Run(wall, cpu, total.invoke(result).toString());
        }
    }

    /** One re-rating: wall and CPU time in ns, and the exact total as text. */
    private record Run(long wallNanos, long cpuNanos, String total) {
    }

    /**
     * @param args the file, the rounds, and two or more builds, each its class directories or jars as a class path
     *     ({@code compute-cost/target/classes:compute-cost-parquet/target/classes} for a Parquet file)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: PairedRerate FILE ROUNDS BUILD BUILD...");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        if (rounds < 4) {
            System.err.println("rounds must be at least 4: the first two warm up");
            System.exit(2);
        }
        int k = args.length - 2;
        Build[] builds = new Build[k];
        for (int i = 0; i < k; i++) {
            builds[i] = Build.load(args[2 + i]);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][] wall = new long[k][rounds];
        long[][] cpu = new long[k][rounds];
        String[] totals = new String[k];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < k; turn++) {
                int b = round % 2 == 0 ? turn : k - 1 - turn;
                Run r = builds[b].run(file, mx);
                wall[b][round] = r.wallNanos();
                cpu[b][round] = r.cpuNanos();
                totals[b] = r.total();
            }
        }
        for (int b = 0; b < k; b++) {
            double[] ratio = new double[rounds - 2];
            for (int round = 2; round < rounds; round++) {
                ratio[round - 2] = (double) cpu[b][round] / cpu[0][round];
            }
            Arrays.sort(ratio);
            System.out.printf("%s: wall %d ms, CPU %d ms (medians); CPU / first build's: median %.3f, %.3f to %.3f;"
                    + " total %s%s%n", builds[b].name(), median(wall[b]) / 1_000_000, median(cpu[b]) / 1_000_000,
                    ratio[ratio.length / 2], ratio[0], ratio[ratio.length - 1], totals[b],
                    totals[b].equals(totals[0]) ? "" : " (DIFFERS from the first build's)");
        }
    }

    /** @return the median of the rounds after the first two */
    private static long median(long[] v) {
        long[] measured = Arrays.copyOfRange(v, 2, v.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
