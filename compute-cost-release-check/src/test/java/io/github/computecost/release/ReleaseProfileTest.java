package io.github.computecost.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release profile, built without signing keys ({@code ./mvnw -P release -Dgpg.skip install}), and two separate
 * Maven projects that take its artifacts through the BOM and run the README's example as it is printed: one a
 * module on the module path, one on the class path.
 *
 * <p>The release build runs on a copy of the checkout (this build's own {@code target} directories stay as they
 * are), offline in effect: its repository is a fresh directory whose only source is this build's local repository,
 * given as a {@code file:} mirror. This module is built after every other, so their plugins and dependencies are
 * there; the plugins only the release profile uses are fetched by this module's build first
 * ({@code maven-dependency-plugin:get}), as any plugin of the build is.
 */
class ReleaseProfileTest {

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    private static String first(String xml, String tag) {
        Matcher m = Pattern.compile("<" + Pattern.quote(tag) + ">([^<]*)</" + Pattern.quote(tag) + ">").matcher(xml);
        assertTrue(m.find(), "no <" + tag + ">");
        return m.group(1).trim();
    }

    /** The published modules: the library, its test assertions, the command line, Parquet and Spark. */
    private static final List<String> JARS = List.of("compute-cost", "compute-cost-testing", "compute-cost-cli",
            "compute-cost-parquet", "compute-cost-spark");

    @Test
    void theReleaseProfileBuildsWithoutKeysAndTwoMavenProjectsRunTheReadmesExample(@TempDir Path tmp)
            throws Exception {
        Path copy = tmp.resolve("checkout");
        copyCheckout(Path.of("").toAbsolutePath(), copy);
        Path repo = tmp.resolve("repository");
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>this-build</id><mirrorOf>*</mirrorOf><url>"
                + localRepository().toUri() + "</url></mirror></mirrors></settings>\n");
        String version = first(read("pom.xml").substring(read("pom.xml").indexOf(
                "<artifactId>compute-cost-parent</artifactId>")), "version");

        maven(copy, tmp.resolve("release.log"), "-s", settings.toString(), "-Dmaven.repo.local=" + repo,
                "-P", "release", "-Dgpg.skip", "-DskipTests", "install");

        Path published = repo.resolve("io/github/computecost");
        for (String module : JARS) {
            Path dir = published.resolve(module).resolve(version);
            for (String suffix : new String[] {".jar", "-sources.jar", "-javadoc.jar", ".pom"}) {
                assertTrue(Files.isRegularFile(dir.resolve(module + "-" + version + suffix)),
                        module + suffix + " is built by the release profile");
            }
        }
        bundledLibrariesAreListedWithTheirLicences(published.resolve("compute-cost-cli").resolve(version)
                .resolve("compute-cost-cli-" + version + ".jar"));
        assertTrue(Files.isRegularFile(published.resolve("compute-cost-bom").resolve(version)
                .resolve("compute-cost-bom-" + version + ".pom")), "the BOM is built");
        try (Stream<Path> files = Files.walk(copy)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".asc")).toList(),
                    "-Dgpg.skip signs nothing, and needs no key");
        }

        // Two projects of their own take the library from that repository through the BOM and run the README's
        // example as it prints it: one a module, one on the class path.
        for (boolean modular : new boolean[] {true, false}) {
            Path project = tmp.resolve(modular ? "consumer-module" : "consumer-classpath");
            writeConsumer(project, version, modular);
            maven(copy, tmp.resolve(project.getFileName() + ".log"), "-f", project.resolve("pom.xml").toString(),
                    "-s", settings.toString(), "-Dmaven.repo.local=" + repo, "test");
            assertTrue(Files.readString(project.resolve("target/surefire-reports/readme.ReadmeTest.txt"))
                    .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), project + " ran its test");
        }
    }

    /**
     * The command line's jar names every library it bundles (each one's Maven metadata) in META-INF/THIRD-PARTY.txt,
     * every versions placeholder there is filled, every licence file it points to is in the jar, and Hadoop's web
     * pages, with scripts under other licences, are left out.
     */
    private static void bundledLibrariesAreListedWithTheirLicences(Path cli) throws IOException {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(cli.toFile())) {
            String list = new String(jar.getInputStream(jar.getEntry("META-INF/THIRD-PARTY.txt")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(!list.contains("${"), "every version in THIRD-PARTY.txt is filled in:\n" + list);
            List<String> bundled = jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties"))
                    .map(n -> n.split("/")).filter(p -> !p[2].equals("io.github.computecost"))
                    .map(p -> p[3]).toList();
            assertTrue(bundled.size() >= 10 && bundled.contains("parquet-hadoop"), bundled.toString());
            for (String artifact : bundled) {
                assertTrue(list.toLowerCase(java.util.Locale.ROOT).contains(artifact.toLowerCase(java.util.Locale.ROOT)),
                        artifact + " is bundled, so THIRD-PARTY.txt names it");
            }
            java.util.regex.Matcher licence = java.util.regex.Pattern.compile("META-INF/licenses/[\\w.-]+")
                    .matcher(list);
            while (licence.find()) {
                assertTrue(jar.getEntry(licence.group()) != null, licence.group() + " is in the jar");
            }
            assertEquals(List.of(), jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("webapps/")).toList());
        }
    }

    /** The checkout's files but for build output and version control, as a clean clone has them. */
    private static void copyCheckout(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                boolean skipped = false;
                for (Path part : rel) {
                    String name = part.toString();
                    skipped |= name.equals("target") || name.equals(".git") || name.equals("node_modules");
                }
                if (skipped) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** This build's local repository: where the JUnit API this test runs on was resolved to. */
    private static Path localRepository() throws URISyntaxException {
        Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // repository/org/junit/jupiter/junit-jupiter-api/VERSION/junit-jupiter-api-VERSION.jar
        Path repo = jar.getParent().getParent().getParent().getParent().getParent().getParent();
        assertTrue(Files.isDirectory(repo.resolve("org/junit/jupiter")), "not a Maven repository: " + repo);
        return repo;
    }

    /** Runs the copy's Maven Wrapper; fails with the end of its log when it does not succeed. */
    private static void maven(Path dir, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(dir.resolve("mvnw").toString(), "-B", "-ntp"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Maven did not finish in 8 minutes: " + command);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> !line.matches("\\[ERROR\\]\\s+at .*") && !line.matches("\\s+at .*")).toList();
            throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    /** The version of one of the parent's managed plugins, for a consumer's POM (its local repository has it). */
    private static String pluginVersion(String artifactId) throws IOException {
        Matcher m = Pattern.compile("<artifactId>" + artifactId + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        assertTrue(m.find(), artifactId + " has a version in the parent POM");
        return m.group(1);
    }

    /**
     * A Maven project of its own: it imports the BOM, depends on the library, and its one test runs the README's
     * "Java API in ten lines" (its imports, then its statements as a method's body, exactly as printed), checking
     * the total the README gives and that it ran where it should (a named module, or the class path).
     */
    private static void writeConsumer(Path project, String version, boolean modular) throws IOException {
        String readme = read("README.md");
        int at = readme.indexOf("## The Java API in ten lines");
        int start = readme.indexOf("```java\n", at) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        Path main = project.resolve("src/main/java/readme");
        Files.createDirectories(main);
        Files.writeString(main.resolve("Readme.java"), "package readme;\n\n" + imports
                + "\npublic final class Readme {\n    public static Estimate run() {\n" + body
                + "        return estimate;\n    }\n}\n");
        if (modular) {
            Files.writeString(project.resolve("src/main/java/module-info.java"),
                    "module readme {\n    requires io.github.computecost;\n    exports readme;\n}\n");
        }
        Path test = project.resolve("src/test/java/readme");
        Files.createDirectories(test);
        Files.writeString(test.resolve("ReadmeTest.java"), """
                package readme;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import io.github.computecost.estimate.Estimate;
                import org.junit.jupiter.api.Test;

                class ReadmeTest {
                    @Test
                    void theReadmesExampleRuns() {
                        Estimate estimate = Readme.run();
                        assertEquals("0.4", estimate.totalExact().toPlainString());
                        assertEquals("0.1333333333333333333333333333333333",
                                estimate.total().divide(3).getNumber().numberValue(java.math.BigDecimal.class)
                                        .toPlainString());
                        assertEquals(%s, Estimate.class.getModule().isNamed());
                        assertEquals(%s, Readme.class.getModule().isNamed());
                    }
                }
                """.formatted(modular, modular));
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>io.github.computecost</groupId>
                        <artifactId>compute-cost-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>io.github.computecost</groupId>
                      <artifactId>compute-cost</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>%s</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(project.getFileName(), version, first(read("pom.xml"), "junit.version"),
                pluginVersion("maven-resources-plugin"), pluginVersion("maven-compiler-plugin"),
                pluginVersion("maven-surefire-plugin")));
    }
}
