package io.github.computecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.WorkloadReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a module: a consumer module that {@code requires io.github.computecost} compiles and runs on the
 * module path (the bundled tables found inside the module, the service schemas bound through {@code provides}, YAML
 * read, the library's own JSR-354 amounts with no implementation of {@code java.money} anywhere), and one that
 * imports the unexported {@code internal} package does not compile.
 *
 * <p>The module path is this test's own class path without the test classes: the library's compiled classes (with
 * their {@code module-info.class}) and every dependency's jar, nothing on the class path.
 */
class ModulePathTest {

    @TempDir
    static Path dir;

    /** The library and the dependencies that are modules. */
    static String modulePath;

    @BeforeAll
    static void paths() {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .toList();
        modulePath = String.join(File.pathSeparator, entries);
        // The library's amounts are its own: no JSR-354 implementation comes with it.
        assertTrue(entries.stream().noneMatch(entry -> entry.contains("moneta")), modulePath);
        assertTrue(Files.exists(Path.of("compute-cost/target/classes/module-info.class")),
                "the library compiles as a module");
    }

    @Test
    void aConsumerModuleEstimatesOnTheModulePath() throws Exception {
        Path src = dir.resolve("consumer-src");
        write(src.resolve("module-info.java"), "module consumer { requires io.github.computecost; }");
        write(src.resolve("consumer/Main.java"), """
                package consumer;

                import io.github.computecost.estimate.Estimator;
                import io.github.computecost.compute.Architecture;
                import io.github.computecost.lambda.LambdaFunction;
                import io.github.computecost.pricing.PriceBook;
                import io.github.computecost.spec.WorkloadReader;
                import java.nio.file.Path;
                import java.time.Duration;
                import java.util.List;
import java.util.Set;
import java.util.TreeSet;

                public class Main {
                    public static void main(String[] args) {
                        PriceBook prices = PriceBook.bundled();
                        LambdaFunction api = LambdaFunction.builder("orders-api")
                                .architecture(Architecture.ARM64).memoryMb(512)
                                .requestsPerMonth(3_000_000).averageDuration(Duration.ofMillis(120))
                                .build();
                        var estimate = Estimator.of(prices).region("us-east-1").withFreeTier().estimate(List.of(api));
                        System.out.println(estimate.total().getCurrency() + " " + estimate.totalExact().toPlainString());
                        System.out.println(estimate.total().divide(3).getNumber());
                        var workload = WorkloadReader.read(Path.of(args[0]));
                        System.out.println(workload.assess(workload.estimator(prices)).orThrow().totalExact().toPlainString());
                    }
                }
                """);
        Path out = dir.resolve("consumer-classes");
        String errors = javac(src, out);
        assertEquals("", errors, "the consumer compiles against the exported API");

        Process consumer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath + File.pathSeparator + out, "-m", "consumer/consumer.Main",
                "examples/orders.yaml")
                .redirectError(dir.resolve("consumer.err").toFile()).start();
        assertTrue(consumer.waitFor(2, TimeUnit.MINUTES), "the consumer finishes");
        String output = new String(consumer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, consumer.exitValue(), output + Files.readString(dir.resolve("consumer.err")));
        // Nothing logged on first use (Moneta, when the library used it, announced its default context at INFO).
        assertEquals("", Files.readString(dir.resolve("consumer.err")), "nothing on the consumer's standard error");

        // The same figures as on the class path, where this test runs.
        PriceBook prices = PriceBook.bundled();
        var workload = WorkloadReader.read(Path.of("examples/orders.yaml"));
        var api = io.github.computecost.lambda.LambdaFunction.builder("orders-api")
                .architecture(io.github.computecost.compute.Architecture.ARM64).memoryMb(512)
                .requestsPerMonth(3_000_000).averageDuration(Duration.ofMillis(120))
                .build();
        var estimate = Estimator.of(prices).region("us-east-1").withFreeTier().estimate(List.of(api));
        // The README's figure, without trailing zeros; a third of it rounded to 34 digits, not an exception.
        assertEquals("0.4", estimate.totalExact().toPlainString());
        String expected = "USD " + estimate.totalExact().toPlainString() + System.lineSeparator()
                + "0.1333333333333333333333333333333333" + System.lineSeparator()
                + workload.assess(workload.estimator(prices)).orThrow().totalExact().toPlainString()
                + System.lineSeparator();
        assertEquals(expected, output);
    }

    /**
     * The README's "Java API in ten lines", exactly as it prints it (its imports, then its statements as a
     * {@code main} method's body), compiled and run by a consumer on the module path and by one on the class path;
     * a last line prints the total the README's comment gives.
     */
    @Test
    void theReadmesExampleRunsOnTheModulePathAndTheClassPath() throws Exception {
        ReadmeExample example = ReadmeExample.read();
        assertTrue(example.imports().contains("import io.github.computecost.pricing.PriceBook;"), example.block());
        String main = "package readme;\n\n" + example.imports()
                + "\npublic class Main {\n    public static void main(String[] a) {\n" + example.body() + "        System.out.println(estimate.totalExact().toPlainString());\n    }\n}\n";
        // On the module path.
        Path src = dir.resolve("readme-module-src");
        write(src.resolve("module-info.java"), "module readme { requires io.github.computecost; }");
        write(src.resolve("readme/Main.java"), main);
        Path out = dir.resolve("readme-module-classes");
        assertEquals("", javac(src, out), "the README's example compiles as it is printed");
        assertEquals("0.4" + System.lineSeparator(), run("--module-path", modulePath + File.pathSeparator + out,
                "-m", "readme/readme.Main"));
        // On the class path.
        Path plain = dir.resolve("readme-classpath-src");
        write(plain.resolve("readme/Main.java"), main);
        Path plainOut = dir.resolve("readme-classpath-classes");
        String all = modulePath;
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
            javac.run(err, err, "--release", "17", "-d", plainOut.toString(), "--class-path", all,
                    plain.resolve("readme/Main.java").toString());
        }
        assertEquals("", messages.toString(StandardCharsets.UTF_8));
        assertEquals("0.4" + System.lineSeparator(), run("--class-path", all + File.pathSeparator + plainOut,
                "readme.Main"));
    }

    /** Runs a JVM with these arguments; returns its standard output, failing on any exit but 0 or any stderr. */
    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "run", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the program finishes");
        assertEquals(0, p.exitValue(), output + Files.readString(err));
        assertEquals("", Files.readString(err), "nothing on standard error");
        return output;
    }

    @Test
    void theInternalPackageIsNotExported() throws IOException {
        Path src = dir.resolve("intruder-src");
        write(src.resolve("module-info.java"), "module intruder { requires io.github.computecost; }");
        write(src.resolve("intruder/Main.java"), """
                package intruder;

                public class Main {
                    Object helper = io.github.computecost.internal.Json.class;
                }
                """);
        String errors = javac(src, dir.resolve("intruder-classes"));
        assertTrue(errors.contains("io.github.computecost.internal")
                        && errors.contains("does not export it"),
                "javac refuses the unexported package: " + errors);
    }

    /** A new package (a new service's) is exported unless it is internal: the module descriptor says so. */
    @Test
    void everyPackageButInternalIsExported() {
        ModuleDescriptor library = ModuleFinder.of(Path.of("compute-cost/target/classes")).find("io.github.computecost")
                .orElseThrow().descriptor();
        Set<String> exported = library.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = library.packages().stream().filter(p -> !p.startsWith("io.github.computecost.internal"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, exported);
        for (var service : io.github.computecost.estimate.Services.all()) {
            assertTrue(exported.contains(service.getClass().getPackageName()), service.type());
        }
    }

    /** Compiles every source below {@code src} as one module into {@code out}; returns javac's messages. */
    private static String javac(Path src, Path out) throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "--module-path", modulePath,
                // Explicitly none: javac run in-process would otherwise take this JVM's class path.
                "--class-path", out.toString()));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
            javac.run(err, err, args.toArray(String[]::new));
        }
        return messages.toString(StandardCharsets.UTF_8);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
