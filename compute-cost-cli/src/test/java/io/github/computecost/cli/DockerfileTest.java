package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's syntax, checked without a Docker engine (the build machines run none): every instruction is one
 * Docker knows, the image is a Java runtime only, the jar it copies is the one the build writes for this version,
 * the files it copies exist, and ENTRYPOINT and CMD are exec-form JSON arrays that run that jar.
 */
class DockerfileTest {

    static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY",
            "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    /** @return the Dockerfile's instructions, continuation lines joined, comments and blank lines left out */
    static List<String[]> instructions(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            if (current.isEmpty() && (t.isEmpty() || t.startsWith("#"))) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            current.append(t);
            String[] parts = current.toString().split("\\s+", 2);
            out.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            current.setLength(0);
        }
        assertTrue(current.isEmpty(), "the Dockerfile ends inside a continued line");
        return out;
    }

    @Test
    void theDockerfileRunsTheBuildsJarOnAJavaRuntimeOnly() throws Exception {
        List<String[]> ins = instructions(Files.readAllLines(Path.of("Dockerfile")));
        Map<String, String> args = new LinkedHashMap<>();
        boolean from = false;
        for (String[] i : ins) {
            assertTrue(INSTRUCTIONS.contains(i[0]), "not a Docker instruction (or not upper case): " + i[0]);
            assertTrue(!i[1].isBlank(), i[0] + " without arguments");
            if (i[0].equals("ARG")) {
                String[] kv = i[1].split("=", 2);
                args.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            if (i[0].equals("FROM")) {
                from = true;
                String image = expand(i[1], args);
                assertTrue(image.matches("eclipse-temurin:\\d+-jre"), "a Java runtime image, not a JDK: " + image);
            }
            if (!from) {
                assertTrue(i[0].equals("ARG"), "only ARG may come before FROM, not " + i[0]);
            }
            if (i[0].equals("COPY")) {
                String[] paths = expand(i[1], args).split("\\s+");
                for (int k = 0; k < paths.length - 1; k++) {
                    if (!paths[k].startsWith("compute-cost-cli/target/")) {
                        assertTrue(Files.exists(Path.of(paths[k])), "COPY of a file the checkout lacks: " + paths[k]);
                    }
                }
            }
            if (i[0].equals("ENTRYPOINT") || i[0].equals("CMD")) {
                JsonNode form = TestJson.json().readTree(i[1]);
                assertTrue(form.isArray() && form.size() > 0, i[0] + " in exec form (a JSON array): " + i[1]);
            }
        }
        assertTrue(from, "no FROM");
        String version = version(Files.readString(Path.of("pom.xml")));
        assertEquals("compute-cost-cli/target/compute-cost-cli-" + version + ".jar", args.get("JAR"),
                "the jar the build writes for this version");
        String entry = ins.stream().filter(i -> i[0].equals("ENTRYPOINT")).findFirst().orElseThrow()[1];
        assertTrue(entry.contains("\"-jar\"") && entry.contains("/opt/compute-cost/compute-cost.jar"), entry);
        assertTrue(ins.stream().anyMatch(i -> i[0].equals("USER") && !i[1].startsWith("0")), "not run as root");
    }

    static String expand(String text, Map<String, String> args) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_]+)}").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            assertTrue(args.containsKey(m.group(1)), "${" + m.group(1) + "} without an ARG");
            m.appendReplacement(sb, Matcher.quoteReplacement(args.get(m.group(1))));
        }
        return m.appendTail(sb).toString();
    }

    static String version(String pom) {
        Matcher m = Pattern.compile("<artifactId>compute-cost-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "the parent's version in pom.xml");
        return m.group(1);
    }
}
