package io.github.computecost.pricelist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Downloads AWS's public Price List bulk files, only when asked: the service index
 * ({@code /offers/v1.0/aws/index.json}), each service's region index ({@code region_index.json}), then each
 * region's offer file, into {@code DIR/offers/SERVICE/REGION/index.json}, and builds from them the
 * {@code pricing-data} tables a price book takes ({@code --pricing-data DIR}).
 *
 * <p>Downloads stream to disk (an EC2 regional file runs to hundreds of megabytes; memory stays flat),
 * each file first as {@code index.json.part}. An interrupted download is resumed where it stopped by the next
 * run, with an HTTP range request (or from the start when the server does not honour it). Every file written is
 * recorded with its size and SHA-256 in {@code DIR/offers/manifest.json}; a later run skips a file whose
 * address (which carries AWS's version) and checksum are unchanged. Addresses in the indexes must be paths on the
 * same endpoint ({@code /offers/...}): nothing else is fetched.
 *
 * <p>The source is AWS's endpoint ({@value #AWS_ENDPOINT}), another HTTP(S) endpoint with the same layout, or a
 * directory holding a mirror of it (for machines without network access). Not thread-safe; use one per run.
 */
public final class PriceListDownloader {

    /** AWS's Price List bulk endpoint. */
    public static final String AWS_ENDPOINT = "https://pricing.us-east-1.amazonaws.com";
    /** The offers compute-cost builds tables from, as the services in the registry name them. */
    public static final List<String> SERVICES = io.github.computecost.estimate.Services.offerCodes();
    /** Offers published once for every location: their whole current offer is read, not a region's. */
    static final Set<String> GLOBAL = io.github.computecost.estimate.Services.priceLists().stream()
            .filter(io.github.computecost.service.PriceListMapping::global)
            .map(io.github.computecost.service.PriceListMapping::offerCode).collect(java.util.stream.Collectors.toSet());
    static final String INDEX = "/offers/v1.0/aws/index.json";

    /** Where a download stands, for a progress line. */
    public interface Progress {
        /**
         * @param file what is being downloaded ({@code "AWSLambda us-east-1"})
         * @param bytes bytes written so far, including those of an earlier, interrupted run
         * @param total the file's size, or -1 when the server does not say
         */
        void update(String file, long bytes, long total);

        /**
         * Called once a file is complete.
         *
         * @param file the file's name
         */
        default void done(String file) {
        }

        /** Reports nothing. */
        Progress NONE = (f, b, t) -> { };
    }

    /**
     * What a run did.
     *
     * @param offers the offer files now in the directory, in order
     * @param downloaded those fetched by this run (the others were up to date)
     * @param notes what was passed over and why
     */
    public record Result(List<Path> offers, List<Path> downloaded, List<String> notes) {
    }

    private final String endpoint;
    private final Path mirror;
    private final HttpClient http;
    private final Progress progress;

    private PriceListDownloader(String endpoint, Path mirror, Progress progress) {
        this.endpoint = endpoint;
        this.mirror = mirror;
        this.progress = progress;
        this.http = mirror != null ? null : HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * @param endpoint an HTTP(S) endpoint with AWS's layout, {@value #AWS_ENDPOINT} for AWS's own
     * @param progress where to report progress
     * @return a downloader from that endpoint
     * @throws IllegalArgumentException if the endpoint is not an http or https address
     */
    public static PriceListDownloader fromEndpoint(String endpoint, Progress progress) {
        URI u = URI.create(Objects.requireNonNull(endpoint, "endpoint"));
        if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
            throw new IllegalArgumentException("the endpoint must be an http or https address, was " + endpoint);
        }
        return new PriceListDownloader(endpoint.replaceAll("/+$", ""), null, Objects.requireNonNull(progress));
    }

    /**
     * @param mirror a directory laid out as AWS's endpoint ({@code mirror/offers/v1.0/aws/index.json}, ...)
     * @param progress where to report progress
     * @return a downloader that copies from the mirror
     */
    public static PriceListDownloader fromMirror(Path mirror, Progress progress) {
        if (!Files.isDirectory(mirror)) {
            throw new IllegalArgumentException("the mirror " + mirror + " is not a directory (a mirror of the Price List, with "
                    + "offers/v1.0/aws/index.json in it)");
        }
        return new PriceListDownloader(mirror.toString(), mirror, Objects.requireNonNull(progress));
    }

    /**
     * Brings the directory's offer files up to date for the services and regions asked for.
     *
     * @param out the directory to write into (created if missing)
     * @param services service codes, from {@link #SERVICES}
     * @param regions region codes, or {@code all} for every region the region index lists
     * @return the offer files and what happened
     * @throws PriceListException on a missing file (HTTP 404), an interrupted download (resumed by running again),
     *     a malformed index, or an unknown service or region
     */
    public Result download(Path out, List<String> services, List<String> regions) {
        for (String s : services) {
            if (!SERVICES.contains(s)) {
                throw new PriceListException("unknown service " + s + " (known: " + String.join(", ", SERVICES) + ")");
            }
        }
        Path offersDir = out.resolve("offers");
        Map<String, ObjectNode> manifest = readManifest(offersDir.resolve("manifest.json"));
        List<Path> offers = new ArrayList<>();
        List<Path> downloaded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        JsonNode index = fetchJson(INDEX, "the service index");
        for (String service : services) {
            JsonNode offer = index.path("offers").path(service);
            if (offer.isMissingNode()) {
                throw new PriceListException(where(INDEX) + ": the service index lists no offer " + service);
            }
            Map<String, String> files = new LinkedHashMap<>(); // region -> path on the endpoint
            if (GLOBAL.contains(service)) {
                files.put("global", path(offer, "currentVersionUrl", INDEX));
            } else {
                String regionIndexPath = path(offer, "currentRegionIndexUrl", INDEX);
                JsonNode regionIndex = fetchJson(regionIndexPath, service + "'s region index");
                JsonNode listed = regionIndex.path("regions");
                if (!listed.isObject()) {
                    throw new PriceListException(where(regionIndexPath) + ": not a region index (no regions)");
                }
                List<String> wanted = regions.equals(List.of("all")) ? new ArrayList<>() : regions;
                if (regions.equals(List.of("all"))) {
                    listed.fieldNames().forEachRemaining(wanted::add);
                }
                for (String region : wanted) {
                    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                        // Region codes name directories below --out: anything else (a path, from a hostile index or a
                        // typo) is refused, never written to.
                        throw new PriceListException("\"" + region + "\" is not a region code like us-east-1 ("
                                + where(regionIndexPath) + ")");
                    }
                    JsonNode r = listed.path(region);
                    if (r.isMissingNode()) {
                        notes.add(service + " " + region + ": not in AWS's region index (" + where(regionIndexPath)
                                + "); passed over");
                        continue;
                    }
                    files.put(region, path(r, "currentVersionUrl", regionIndexPath));
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                fetchInto(offersDir, manifest, service, f.getKey(), f.getValue(), offers, downloaded, notes);
            }
        }
        return new Result(offers, downloaded, notes);
    }

    /**
     * Downloads the Savings Plans offer files of some regions, as the service index names them: every offer of the
     * index that gives a {@code currentSavingsPlanIndexUrl} (EC2's does) leads to a Savings Plans region index
     * ({@code /savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json}: {@code regions}, each a
     * {@code regionCode} and a {@code versionUrl}), and each region's file goes to
     * {@code out/offers/<plan>/<region>/index.json}, resumable and recorded in the manifest as the offers are.
     *
     * @param out the directory to write into (created if missing)
     * @param regions region codes, or {@code all}
     * @return the files and what happened
     * @throws PriceListException on a missing file, an interrupted download, or a malformed index
     */
    public Result downloadSavingsPlans(Path out, List<String> regions) {
        Path offersDir = out.resolve("offers");
        Map<String, ObjectNode> manifest = readManifest(offersDir.resolve("manifest.json"));
        List<Path> files = new ArrayList<>();
        List<Path> downloaded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        JsonNode index = fetchJson(INDEX, "the service index");
        java.util.Set<String> planIndexes = new java.util.LinkedHashSet<>();
        index.path("offers").forEach(o -> {
            if (o.has("currentSavingsPlanIndexUrl")) {
                planIndexes.add(path(o, "currentSavingsPlanIndexUrl", INDEX, "/savingsPlan/"));
            }
        });
        if (planIndexes.isEmpty()) {
            throw new PriceListException(where(INDEX) + ": the service index names no Savings Plans index "
                    + "(currentSavingsPlanIndexUrl)");
        }
        for (String planIndex : planIndexes) {
            String[] parts = planIndex.split("/");
            String plan = parts.length > 4 ? parts[4] : "savingsPlan";
            JsonNode regionIndex = fetchJson(planIndex, plan + "'s region index");
            JsonNode listed = regionIndex.path("regions");
            if (!listed.isArray()) {
                throw new PriceListException(where(planIndex) + ": not a Savings Plans region index (no regions list)");
            }
            Map<String, String> byRegion = new LinkedHashMap<>();
            for (JsonNode r : listed) {
                byRegion.put(r.path("regionCode").asText(), path(r, "versionUrl", planIndex, "/savingsPlan/"));
            }
            List<String> wanted = regions.equals(List.of("all")) ? new ArrayList<>(byRegion.keySet()) : regions;
            for (String region : wanted) {
                if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                    throw new PriceListException("\"" + region + "\" is not a region code like us-east-1 ("
                            + where(planIndex) + ")");
                }
                String url = byRegion.get(region);
                if (url == null) {
                    notes.add(plan + " " + region + ": not in AWS's Savings Plans region index (" + where(planIndex)
                            + "); passed over");
                    continue;
                }
                fetchInto(offersDir, manifest, plan, region, url, files, downloaded, notes);
            }
        }
        return new Result(files, downloaded, notes);
    }

    /**
     * Fetches one region's file into {@code offersDir/<name>/<region>/index.json}, unless the manifest has it at the
     * same address with the same digest; records it in the manifest.
     */
    private void fetchInto(Path offersDir, Map<String, ObjectNode> manifest, String name, String region, String url,
            List<Path> files, List<Path> downloaded, List<String> notes) {
        Path target = offersDir.resolve(name).resolve(region).resolve("index.json");
        String key = name + "/" + region;
        ObjectNode known = manifest.get(key);
        if (known != null && known.path("url").asText().equals(url) && Files.exists(target)
                && known.path("sha256").asText().equals(sha256(target))) {
            notes.add(key + ": up to date (" + url + ")");
            files.add(target);
            return;
        }
        String[] digest = fetchFile(url, target, name + " " + region);
        ObjectNode entry = Json.nodes().objectNode();
        entry.put("url", url);
        entry.put("path", offersDir.relativize(target).toString().replace('\\', '/'));
        entry.put("bytes", Long.parseLong(digest[1]));
        entry.put("sha256", digest[0]);
        manifest.put(key, entry);
        writeManifest(offersDir.resolve("manifest.json"), manifest);
        files.add(target);
        downloaded.add(target);
    }

    /** An index's address of a file: a path on the same endpoint, never another host or a way out of it. */
    private static String path(JsonNode n, String field, String in) {
        return path(n, field, in, "/offers/");
    }

    private static String path(JsonNode n, String field, String in, String under) {
        String p = n.path(field).asText("");
        if (!p.startsWith(under) || p.contains("..") || p.contains("://") || p.contains("\\")) {
            throw new PriceListException("the index " + in + " gives " + field + " \"" + p + "\", not a path under "
                    + under + " on the same endpoint; it is not fetched");
        }
        return p;
    }

    private String where(String path) {
        return mirror != null ? mirror.resolve(path.substring(1)).toString() : endpoint + path;
    }

    private JsonNode fetchJson(String path, String what) {
        byte[] bytes;
        if (mirror != null) {
            try {
                bytes = Files.readAllBytes(mirror.resolve(path.substring(1)));
            } catch (NoSuchFileException e) {
                throw new PriceListException(where(path) + ": not found (" + what + ")");
            } catch (IOException e) {
                throw new PriceListException(where(path) + ": cannot be read: " + e.getMessage());
            }
        } else {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(endpoint + path)).GET(),
                    HttpResponse.BodyHandlers.ofByteArray(), path);
            if (r.statusCode() != 200) {
                throw new PriceListException(where(path) + ": HTTP " + r.statusCode() + " (" + what + ")");
            }
            bytes = r.body();
        }
        try {
            return Json.readTree(bytes, false);
        } catch (IOException e) {
            throw new PriceListException(where(path) + ": not valid JSON (" + what + "): " + e.getMessage());
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler, String path) {
        try {
            return http.send(b.timeout(Duration.ofMinutes(30)).header("User-Agent", "compute-cost").build(), handler);
        } catch (IOException e) {
            throw new PriceListException(where(path) + ": cannot be downloaded: " + (e.getMessage() != null
                    ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PriceListException(where(path) + ": download interrupted");
        }
    }

    /**
     * Streams a file to {@code target}, resuming {@code target.part} where a run stopped.
     *
     * @return the SHA-256 (hex) and the size of the complete file
     */
    private String[] fetchFile(String path, Path target, String what) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path partOf = target.resolveSibling(target.getFileName() + ".part.url"); // what the part is the start of
        try {
            Files.createDirectories(target.getParent());
            // A part is resumed only for the same address: a new version of the file (a new address) starts over.
            boolean sameFile = Files.exists(partOf) && Files.readString(partOf, StandardCharsets.UTF_8).equals(path);
            long have = Files.exists(part) && sameFile ? Files.size(part) : 0;
            if (!sameFile) {
                Files.deleteIfExists(part);
                Files.writeString(partOf, path, StandardCharsets.UTF_8);
            }
            long total;
            InputStream in;
            boolean append;
            if (mirror != null) {
                Path src = mirror.resolve(path.substring(1));
                if (!Files.exists(src)) {
                    throw new PriceListException(where(path) + ": not found (" + what + ")");
                }
                total = Files.size(src);
                if (have > total) {
                    have = 0;
                }
                in = Files.newInputStream(src);
                in.skipNBytes(have);
                append = have > 0;
            } else {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(endpoint + path)).GET();
                if (have > 0) {
                    req.header("Range", "bytes=" + have + "-");
                }
                HttpResponse<InputStream> r = send(req, HttpResponse.BodyHandlers.ofInputStream(), path);
                int status = r.statusCode();
                if (status == 206 && have > 0) {
                    append = true;
                    total = contentRangeTotal(r).orElse(-1L);
                } else if (status == 200) {
                    append = false; // the server sends the whole file: start over
                    have = 0;
                    total = r.headers().firstValueAsLong("Content-Length").orElse(-1L);
                } else if (status == 416 && have > 0) {
                    r.body().close();
                    Files.delete(part); // what we have does not fit the file any more: start over next time
                    throw new PriceListException(where(path) + ": the server refused to resume (HTTP 416); the partial "
                            + "file was removed, run again to download it whole");
                } else {
                    r.body().close();
                    throw new PriceListException(where(path) + ": HTTP " + status + " (" + what + ")");
                }
                in = r.body();
            }
            long written = have;
            try (InputStream body = in;
                    OutputStream o = Files.newOutputStream(part, StandardOpenOption.CREATE, append
                            ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[1 << 16];
                int n;
                long lastReport = 0;
                while ((n = body.read(buf)) > 0) {
                    o.write(buf, 0, n);
                    written += n;
                    if (written - lastReport >= (1 << 20)) {
                        progress.update(what, written, total);
                        lastReport = written;
                    }
                }
            } catch (IOException e) {
                throw interrupted(path, what, written, total, e.getMessage());
            }
            if (total >= 0 && written != total) {
                throw interrupted(path, what, written, total, "the connection closed early");
            }
            progress.update(what, written, total);
            progress.done(what);
            String sha = sha256(part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(partOf);
            return new String[] {sha, Long.toString(written)};
        } catch (IOException e) {
            throw new PriceListException(target + ": cannot be written: " + e.getMessage());
        }
    }

    private PriceListException interrupted(String path, String what, long written, long total, String why) {
        return new PriceListException(where(path) + ": download of " + what + " interrupted after " + written
                + (total >= 0 ? " of " + total : "") + " bytes (" + why + "); run the same command again to resume it");
    }

    private static java.util.Optional<Long> contentRangeTotal(HttpResponse<?> r) {
        // "bytes 1000-1999/2000"
        return r.headers().firstValue("Content-Range").map(v -> v.substring(v.lastIndexOf('/') + 1))
                .filter(t -> t.matches("\\d+")).map(Long::parseLong);
    }

    /** @return the SHA-256 of a file, hexadecimal */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, ObjectNode> readManifest(Path file) {
        Map<String, ObjectNode> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            JsonNode n = Json.readTree(Files.readAllBytes(file), false);
            n.path("files").forEach(f -> {
                if (f.isObject()) {
                    String p = f.path("path").asText("");
                    // "AWSLambda/us-east-1/index.json" -> "AWSLambda/us-east-1"
                    int last = p.lastIndexOf('/');
                    if (last > 0) {
                        out.put(p.substring(0, last), (ObjectNode) f);
                    }
                }
            });
            return out;
        } catch (IOException e) {
            return out; // an unreadable manifest: every file is checked again
        }
    }

    private static void writeManifest(Path file, Map<String, ObjectNode> entries) {
        ObjectNode root = Json.nodes().objectNode();
        root.put("manifestVersion", 1);
        root.put("note", "Written by compute-cost update-prices: the AWS Price List files in this directory, with their "
                + "addresses, sizes and SHA-256 checksums.");
        ArrayNode files = root.putArray("files");
        entries.values().forEach(files::add);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, CanonicalJson.write(root), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be written: " + e.getMessage());
        }
    }

    /**
     * @param bytes a size, in bytes
     * @return {@code "12.3 MB"}
     */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
