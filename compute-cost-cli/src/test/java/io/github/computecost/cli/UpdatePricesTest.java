package io.github.computecost.cli;

import static io.github.computecost.cli.Decimals.assertDecimal;
import static io.github.computecost.cli.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update-prices} against a Price List endpoint served on the loopback interface from fixtures in AWS's
 * layout: the service index, a region index, and a region's offer file (with a truncated download and a 404).
 */
class UpdatePricesTest {

    static final String OFFER_PATH = "/offers/v1.0/aws/AWSLambda/20251028000000/us-east-1/index.json";

    @TempDir
    Path tmp;

    Path mirror;
    HttpServer server;
    String endpoint;
    final AtomicBoolean truncateNext = new AtomicBoolean();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> ranges = new ConcurrentHashMap<>();

    /** A mirror of AWS's layout: documented index formats, and a real-shaped AWSLambda offer for us-east-1. */
    static Path mirror(Path root) throws IOException {
        Path aws = root.resolve("offers/v1.0/aws");
        Files.createDirectories(aws.resolve("AWSLambda/current"));
        Files.writeString(aws.resolve("index.json"), """
                {
                  "formatVersion" : "v1.0",
                  "disclaimer" : "This pricing list is for informational purposes only.",
                  "publicationDate" : "2025-10-28T19:42:43Z",
                  "offers" : {
                    "AWSLambda" : {
                      "offerCode" : "AWSLambda",
                      "versionIndexUrl" : "/offers/v1.0/aws/AWSLambda/index.json",
                      "currentVersionUrl" : "/offers/v1.0/aws/AWSLambda/current/index.json",
                      "currentRegionIndexUrl" : "/offers/v1.0/aws/AWSLambda/current/region_index.json",
                      "savingsPlanVersionIndexUrl" : "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json"
                    },
                    "AmazonEC2" : {
                      "offerCode" : "AmazonEC2",
                      "versionIndexUrl" : "/offers/v1.0/aws/AmazonEC2/index.json",
                      "currentVersionUrl" : "/offers/v1.0/aws/AmazonEC2/current/index.json",
                      "currentRegionIndexUrl" : "https://elsewhere.example/region_index.json"
                    }
                  }
                }
                """);
        Files.writeString(aws.resolve("AWSLambda/current/region_index.json"), """
                {
                  "formatVersion" : "v1.0",
                  "disclaimer" : "This pricing list is for informational purposes only.",
                  "publicationDate" : "2025-10-28T19:42:43Z",
                  "regions" : {
                    "us-east-1" : {
                      "regionCode" : "us-east-1",
                      "currentVersionUrl" : "/offers/v1.0/aws/AWSLambda/20251028000000/us-east-1/index.json"
                    },
                    "us-east-2" : {
                      "regionCode" : "us-east-2",
                      "currentVersionUrl" : "/offers/v1.0/aws/AWSLambda/20251028000000/us-east-2/index.json"
                    }
                  }
                }
                """);
        Path offer = root.resolve(OFFER_PATH.substring(1));
        Files.createDirectories(offer.getParent());
        Files.copy(Path.of("compute-cost/src/test/resources/pricelist/AWSLambda-us-east-1.json"), offer);
        return root;
    }

    @BeforeEach
    void serve() throws IOException {
        mirror = mirror(tmp.resolve("mirror"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        endpoint = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        Path file = mirror.resolve(path.substring(1)).normalize();
        if (!file.startsWith(mirror) || !Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] all = Files.readAllBytes(file);
        String range = ex.getRequestHeaders().getFirst("Range");
        try (OutputStream o = ex.getResponseBody()) {
            if (range != null && range.matches("bytes=\\d+-")) {
                ranges.put(path, range);
                int from = Integer.parseInt(range.substring(6, range.length() - 1));
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (all.length - 1) + "/" + all.length);
                ex.sendResponseHeaders(206, all.length - from);
                o.write(all, from, all.length - from);
            } else if (path.equals(OFFER_PATH) && truncateNext.getAndSet(false)) {
                ex.sendResponseHeaders(200, all.length); // promise the whole file, send half, hang up
                o.write(all, 0, all.length / 2);
                o.flush();
                ex.getHttpContext().getServer(); // keep the exchange referenced
                throw new IOException("test: connection dropped");
            } else {
                ex.sendResponseHeaders(200, all.length);
                o.write(all);
            }
        }
    }

    private CliRunner update(Path out, String... more) {
        String[] base = {"update-prices", "--out", out.toString(), "--endpoint", endpoint, "--services", "AWSLambda"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRunner.run(args);
    }

    @Test
    void anInterruptedDownloadResumesAndTheTablesPriceAwsExample() throws IOException {
        Path out = tmp.resolve("prices");
        truncateNext.set(true);
        CliRunner first = update(out);
        assertEquals(2, first.exitCode(), first.out() + first.err());
        assertEquals(1, first.err().strip().lines().count(), first.err());
        assertTrue(first.err().contains("interrupted after"), first.err());
        assertTrue(first.err().contains("run the same command again to resume"), first.err());
        Path part = out.resolve("offers/AWSLambda/us-east-1/index.json.part");
        assertTrue(Files.size(part) > 0, "the part kept");

        CliRunner second = update(out);
        assertEquals(0, second.exitCode(), second.out() + second.err());
        assertTrue(ranges.containsKey(OFFER_PATH), "the second run asked for the rest only: " + ranges);
        Path offer = out.resolve("offers/AWSLambda/us-east-1/index.json");
        assertEquals(sha256(mirror.resolve(OFFER_PATH.substring(1))), sha256(offer));
        assertFalse(Files.exists(part));
        JsonNode manifest = TestJson.json().readTree(Files.readAllBytes(out.resolve("offers/manifest.json")));
        assertEquals(sha256(offer), manifest.get("files").get(0).get("sha256").asText());
        assertEquals(OFFER_PATH, manifest.get("files").get(0).get("url").asText());
        assertEquals(Files.size(offer), manifest.get("files").get(0).get("bytes").asLong());
        assertTrue(second.out().contains("wrote " + out.resolve("lambda.json")), second.out());

        // The tables price AWS's classic example (512 MB, 3M requests of 1 s, free tier on).
        Estimator e = Estimator.of(PriceBook.withOverrides(out));
        assertDecimal("18.73337", e.estimate(List.of(LambdaFunction.builder("f").memoryMb(512)
                .requestsPerMonth(3_000_000).averageDurationMs(bd("1000")).build())).totalExact());
        CliRunner estimate = CliRunner.run("estimate", "examples/orders.yaml", "--pricing-data", out.toString(),
                "--format", "json");
        assertTrue(estimate.out().contains("\"aws-price-list-awslambda\""), "imported prices cite the offer");

        // A third run finds the file up to date and downloads nothing.
        int before = (int) requests.stream().filter(OFFER_PATH::equals).count();
        CliRunner third = update(out);
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.out().contains("AWSLambda/us-east-1: up to date"), third.out());
        assertEquals(before, (int) requests.stream().filter(OFFER_PATH::equals).count());
    }

    @Test
    void aPartOfAnOlderVersionIsNotResumedIntoANewOne() throws IOException {
        Path out = tmp.resolve("prices");
        truncateNext.set(true);
        assertEquals(2, update(out).exitCode());
        // AWS publishes a new version before the second run: its address changes, so the part starts over.
        String newPath = OFFER_PATH.replace("20251028000000", "20251101000000");
        Path index = mirror.resolve("offers/v1.0/aws/AWSLambda/current/region_index.json");
        Files.writeString(index, Files.readString(index).replace(OFFER_PATH, newPath));
        Path newOffer = mirror.resolve(newPath.substring(1));
        Files.createDirectories(newOffer.getParent());
        Files.copy(mirror.resolve(OFFER_PATH.substring(1)), newOffer);
        CliRunner second = update(out);
        assertEquals(0, second.exitCode(), second.out() + second.err());
        assertFalse(ranges.containsKey(newPath), "the new version was downloaded whole: " + ranges);
        assertEquals(sha256(newOffer),
                sha256(out.resolve("offers/AWSLambda/us-east-1/index.json")));
    }

    @Test
    void aMissingFileIsA404NamingItsAddress() {
        CliRunner r = update(tmp.resolve("p"), "--regions", "us-east-2");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("/offers/v1.0/aws/AWSLambda/20251028000000/us-east-2/index.json: HTTP 404"), r.err());
        CliRunner unknown = update(tmp.resolve("q"), "--regions", "xx-north-9");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.out().contains("xx-north-9: not in AWS's region index"), unknown.out());
        assertTrue(unknown.err().contains("nothing to build tables from"), unknown.out() + unknown.err());
        CliRunner none = CliRunner.run("update-prices", "--out", tmp.resolve("r").toString(), "--endpoint",
                endpoint + "/nowhere");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("/nowhere/offers/v1.0/aws/index.json: HTTP 404"), none.err());
    }

    @Test
    void anIndexPointingElsewhereIsNotFollowed() {
        CliRunner r = CliRunner.run("update-prices", "--out", tmp.resolve("p").toString(), "--endpoint", endpoint,
                "--services", "AmazonEC2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not a path under /offers/ on the same endpoint; it is not fetched"), r.err());
        assertFalse(requests.stream().anyMatch(p -> p.contains("elsewhere")));
        // A region index whose keys are paths writes nothing outside --out.
        Path index = mirror.resolve("offers/v1.0/aws/AWSLambda/current/region_index.json");
        try {
            Files.writeString(index, Files.readString(index).replace("\"us-east-2\" :", "\"../../escape\" :"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRunner all = update(tmp.resolve("q"), "--regions", "all");
        assertEquals(2, all.exitCode());
        assertTrue(all.err().contains("\"../../escape\" is not a region code"), all.err());
        assertFalse(Files.exists(tmp.resolve("escape")));
    }

    @Test
    void commitmentsDownloadsTheSavingsPlansFilesTheIndexNamesAndWritesTheRates() throws IOException {
        // AWS's service index names the Savings Plans region index beside an offer; that index lists each region's file.
        Path index = mirror.resolve("offers/v1.0/aws/index.json");
        Files.writeString(index, Files.readString(index).replace("\"savingsPlanVersionIndexUrl\"",
                "\"currentSavingsPlanIndexUrl\" : \"/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/"
                        + "region_index.json\",\n      \"savingsPlanVersionIndexUrl\""));
        String planPath = "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20261201000000/us-east-1/index.json";
        Path plans = mirror.resolve("savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json");
        Files.createDirectories(plans.getParent());
        Files.writeString(plans, """
                {
                  "disclaimer" : "This pricing list is for informational purposes only.",
                  "publicationDate" : "2026-12-01T00:00:00Z",
                  "regions" : [ { "regionCode" : "us-east-1", "versionUrl" : "%s" } ]
                }
                """.formatted(planPath));
        Path planFile = mirror.resolve(planPath.substring(1));
        Files.createDirectories(planFile.getParent());
        Files.copy(Path.of("compute-cost/src/test/resources/commitment/savings-plans-test.json"), planFile);
        Path out = tmp.resolve("with-plans");
        CliRunner r = update(out, "--commitments");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(requests.contains(planPath), "fetched through the endpoint: " + requests);
        assertTrue(r.out().contains("commitments/commitment-rates.json (0 Reserved offerings, 6 Savings Plans rates)"),
                r.out());
        assertEquals(sha256(planFile), sha256(out.resolve("offers/AWSComputeSavingsPlan/us-east-1/index.json")));
        Path w = tmp.resolve("w.yaml");
        Files.writeString(w, """
                region: us-east-1
                resources:
                  - name: app
                    type: ec2
                    instanceType: c5.xlarge
                    count: 3
                """);
        CliRunner rec = CliRunner.run("recommend-commitment", w.toString(), "--pricing-data", out.toString());
        assertEquals(0, rec.exitCode(), rec.err());
        assertTrue(rec.out().contains("at 0.357/hour"), rec.out());
        // An index pointing the Savings Plans elsewhere is not followed.
        Files.writeString(plans, Files.readString(plans).replace(planPath, "https://elsewhere.example/index.json"));
        CliRunner away = update(tmp.resolve("away"), "--commitments");
        assertEquals(2, away.exitCode());
        assertTrue(away.err().contains("not a path under /savingsPlan/"), away.err());
    }

    @Test
    void aMirrorDirectoryWorksWithoutNetwork() throws IOException {
        Path out = tmp.resolve("offline");
        CliRunner r = CliRunner.run("update-prices", "--out", out.toString(), "--from", mirror.toString(), "--services",
                "AWSLambda");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(requests.isEmpty(), "no request reached the server: " + requests);
        assertDecimal("0.0000166667", PriceBook.withOverrides(out).service("AWSLambda").region("us-east-1")
                .table("Lambda-GB-Second").tiers().get(0).unitPrice());
        CliRunner unknown = CliRunner.run("update-prices", "--out", out.toString(), "--from", mirror.toString(),
                "--services", "AmazonRDS");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown service AmazonRDS"), unknown.err());
    }

    /** The file's SHA-256 in lower-case hex, computed here rather than by the code under test. */
    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
