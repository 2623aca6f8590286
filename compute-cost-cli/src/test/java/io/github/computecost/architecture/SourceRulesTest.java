package io.github.computecost.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Services;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules on the sources that the compiled classes cannot show (constants are inlined): a service's Price List codes
 * are written only in its own folder and the registry; the 730-hour and 744-hour month only in the calendar.
 */
class SourceRulesTest {

    /**
     * The main sources of every shipped module of the checkout (tests run from its root); the benchmarks, which
     * write synthetic offers and raw-double baselines as tests do, are not the product.
     */
    static List<Path> sources() throws IOException {
        List<Path> roots = new ArrayList<>();
        Path parent = Path.of("").toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(parent)) {
            s.filter(d -> d.getFileName().toString().startsWith("compute-cost"))
                    .filter(d -> !d.getFileName().toString().equals("compute-cost-bench"))
                    .map(d -> d.resolve("src/main/java"))
                    .filter(Files::isDirectory).forEach(roots::add);
        }
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
            }
        }
        return out.stream().map(Path::toAbsolutePath).map(Path::normalize).distinct().toList();
    }

    /** The code of a source file, comments blanked out (string and character literals kept). */
    static String code(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                boolean block = c == '"' && src.startsWith("\"\"\"", i);
                int end = block ? src.indexOf("\"\"\"", i + 3) + 3 : i + 1;
                if (!block) {
                    while (end < src.length() && src.charAt(end) != c) {
                        end += src.charAt(end) == '\\' ? 2 : 1;
                    }
                    end++;
                }
                out.append(src, i, end);
                i = end;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2) + 2;
                src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern MONTH_HOURS = Pattern.compile("(?<![\\w.])(730|744)(?![\\d.])");

    @Test
    void serviceCodesAreWrittenOnlyInTheirServicesFolderAndTheRegistry() throws IOException {
        // code -> the folders of the services that use it (an offer may feed tables of two: AWSLambda feeds Lambda@Edge's)
        Map<String, java.util.Set<String>> folderOf = new HashMap<>();
        for (Service<?> s : Services.all()) {
            String folder = s.getClass().getPackageName().replace('.', '/');
            s.tables().forEach(t -> folderOf.computeIfAbsent(t, k -> new java.util.HashSet<>()).add(folder));
            for (PriceListMapping m : s.priceList()) {
                folderOf.computeIfAbsent(m.offerCode(), k -> new java.util.HashSet<>()).add(folder);
            }
        }
        assertTrue(folderOf.size() >= 7, folderOf.toString());
        List<String> found = new ArrayList<>();
        List<Path> files = sources();
        for (Path f : files) {
            String rel = f.toString().replace('\\', '/');
            if (rel.endsWith("io/github/computecost/estimate/Services.java")) {
                continue;
            }
            Matcher m = STRING.matcher(code(Files.readString(f)));
            while (m.find()) {
                java.util.Set<String> folders = folderOf.get(m.group(1));
                if (folders != null && folders.stream().noneMatch(folder -> rel.contains("/" + folder + "/"))) {
                    found.add(rel.substring(rel.indexOf("io/github/")) + ": \"" + m.group(1) + "\"");
                }
            }
        }
        assertTrue(files.size() > 100, "the sources were found: " + files.size());
        assertEquals(List.of(), found, "service codes outside their service's folder");
    }

    @Test
    void theMonthsHoursAreWrittenOnlyInTheCalendar() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            String rel = f.toString().replace('\\', '/');
            if (rel.endsWith("io/github/computecost/compute/Calendar.java")) {
                continue;
            }
            String[] lines = code(Files.readString(f)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (MONTH_HOURS.matcher(lines[i]).find()) {
                    found.add(rel.substring(rel.indexOf("io/github/")) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), found, "730 or 744 outside compute.Calendar");
    }

    @Test
    void theScannerSeesCodeNotComments() {
        String src = "// \"AWSLambda\" 730\nString a = \"x\"; /* 744 \"AmazonEC2\" */ int h = 730;\nchar q = '\"';";
        String code = code(src);
        assertTrue(!code.contains("AWSLambda") && !code.contains("744"), code);
        assertTrue(MONTH_HOURS.matcher(code).find(), code);
        Matcher m = STRING.matcher(code);
        assertTrue(m.find() && m.group(1).equals("x"), code);
    }
}
