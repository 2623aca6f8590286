package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Mutated valid inputs (workload files, templates with their usage, task definitions, Cost and Usage Reports, Price
 * List offer files): truncated, bytes flipped,
 * values swapped for other types, keys misspelt, numbers made huge, aliases added. Whatever the mutation, the command
 * line answers with an estimate (exit 0, or 1 for a budget) or a refusal of one line per error (exit 2), never an
 * internal error (exit 3) or a stack trace, and within the runner's time bound.
 */
class FuzzProperties {

    /** The time one run may take, held by the runner (not a timed assertion on performance). */
    static final long BOUND_SECONDS = 20;

    static final List<String[]> SEEDS = List.of(
            new String[] {"examples/orders.yaml", null},
            new String[] {"examples/servers.yaml", null},
            new String[] {"examples/edge.yaml", null},
            new String[] {"compute-cost/src/test/resources/config/sam.yaml",
                    "compute-cost/src/test/resources/config/sam-usage.yaml"},
            new String[] {"compute-cost/src/test/resources/config/platform.yaml",
                    "compute-cost/src/test/resources/config/platform-usage.yaml"},
            new String[] {"compute-cost/src/test/resources/config/ecs-fargate-linux.json", null},
            new String[] {"compute-cost/src/test/resources/rerate/cur-legacy.csv", "rate-usage"},
            new String[] {"compute-cost/src/test/resources/rerate/cur2.csv", "rate-usage"},
            new String[] {"compute-cost/src/test/resources/rerate/cur-line-item-types.csv", "rate-usage"},
            new String[] {"compute-cost/src/test/resources/rerate/focus-line-item-types.csv", "rate-usage"},
            new String[] {"compute-cost/src/test/resources/pricelist/AWSLambda-us-east-1.json", "import-prices"},
            new String[] {"compute-cost/src/test/resources/pricelist/AWSLambda-us-east-2.csv", "import-prices"});

    static final String[] INSERTS = {"1e999999999", "-1", "0", "\"x\"", "[1, 2]", "{a: 1}", "*nothing", "&a 1",
            "99999999999999999999999999999999999999", "null", "\"us-east-9\"", "0.0000000000000000000000000000000001",
            "true", "\"\"", "NaN", ".inf"};

    static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Provide
    Arbitrary<long[]> mutations() {
        return Arbitraries.longs().array(long[].class).ofSize(3);
    }

    @Property(tries = 120)
    void aMutatedInputIsEstimatedOrRefusedInOneLine(@ForAll("mutations") long[] m) throws Exception {
        Random rnd = new Random(m[0]);
        String[] seed = SEEDS.get(Math.floorMod(m[1], SEEDS.size()));
        boolean command = "rate-usage".equals(seed[1]) || "import-prices".equals(seed[1]);
        boolean mutateUsage = seed[1] != null && !command && rnd.nextInt(3) == 0;
        Path dir = Files.createTempDirectory("fuzz");
        try {
            Path in = dir.resolve(Path.of(seed[0]).getFileName()); // offers keep their name: it names the service
            String text = Files.readString(Path.of(seed[0]));
            Files.writeString(in, mutateUsage ? text : mutate(text, rnd));
            String[] args;
            if ("rate-usage".equals(seed[1])) {
                args = new String[] {"rate-usage", in.toString()};
            } else if ("import-prices".equals(seed[1])) {
                args = new String[] {"import-prices", "--offer", in.toString(), "--out", dir.resolve("out").toString()};
            } else if (seed[1] != null) {
                Path usage = dir.resolve("usage.yaml");
                String u = Files.readString(Path.of(seed[1]));
                Files.writeString(usage, mutateUsage ? mutate(u, rnd) : u);
                args = new String[] {"estimate", in.toString(), "--usage", usage.toString()};
            } else {
                args = new String[] {"estimate", in.toString()};
            }
            Future<CliRunner> run = RUNNER.submit(() -> CliRunner.run(args));
            CliRunner r = run.get(BOUND_SECONDS, TimeUnit.SECONDS);
            String all = r.out() + r.err();
            assertTrue(r.exitCode() == 0 || r.exitCode() == 1 || r.exitCode() == 2, "exit " + r.exitCode() + ": "
                    + r.err());
            assertFalse(all.contains("\tat ") || all.contains("internal error"), all);
            if (r.exitCode() == 2) { // one line per error, each naming the file
                assertFalse(r.err().isBlank(), "a refusal says why");
                r.err().strip().lines().forEach(line -> {
                    assertTrue(line.startsWith("compute-cost: "), "one line per error: " + r.err());
                    assertTrue(line.length() < 2000, line);
                });
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One mutation of a text: truncation, a flipped byte, a value replaced, a key misspelt, or an alias. */
    static String mutate(String text, Random rnd) {
        String[] lines = text.split("\n", -1);
        int i = rnd.nextInt(lines.length);
        switch (rnd.nextInt(5)) {
            case 0 -> {
                return text.substring(0, rnd.nextInt(Math.max(1, text.length())));
            }
            case 1 -> {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(7));
                return new String(b, StandardCharsets.UTF_8);
            }
            case 2 -> {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    lines[i] = lines[i].substring(0, colon + 1) + " " + INSERTS[rnd.nextInt(INSERTS.length)]
                            + (lines[i].trim().endsWith(",") ? "," : "");
                }
            }
            case 3 -> {
                int colon = lines[i].indexOf(':');
                if (colon > 1) {
                    int at = 1 + rnd.nextInt(colon - 1);
                    String key = lines[i].substring(0, colon);
                    if (key.trim().length() > 1) {
                        lines[i] = key.substring(0, at) + key.substring(at + 1) + lines[i].substring(colon);
                    }
                }
            }
            default -> {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    lines[i] = lines[i].substring(0, colon + 1) + " *a" + rnd.nextInt(3);
                }
            }
        }
        return String.join("\n", lines);
    }
}
