package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request step's script ({@code ci/pr-comment.sh}, which {@code action.yml} runs) against a fake
 * {@code gh} on the PATH that keeps the pull request's comments in files and records every call: the first run
 * comments, the second finds its comment by the marker and updates it, so the pull request has one comment.
 */
class PrCommentScriptTest {

    static final Path SCRIPT = Path.of("ci/pr-comment.sh");

    @TempDir
    Path tmp;

    /** A gh that knows three calls: list the comments (ids of those whose body starts with the marker), create, edit. */
    private static final String FAKE_GH = """
            #!/usr/bin/env bash
            set -euo pipefail
            state="$FAKE_GH_STATE"
            echo "$*" >> "$state/calls.log"
            if [ "$1" = "api" ] && [ "$2" != "--method" ]; then
              for f in "$state"/comment-*.md; do
                [ -e "$f" ] || continue
                if head -n 1 "$f" | grep -qF '<!-- compute-cost diff -->'; then
                  basename "$f" .md | sed 's/^comment-//'
                fi
              done
            elif [ "$1" = "api" ] && [ "$2" = "--method" ] && [ "$3" = "PATCH" ]; then
              id="${4##*/}"
              body="${6#body=@}"
              cp "$body" "$state/comment-$id.md"
            elif [ "$1" = "pr" ] && [ "$2" = "comment" ]; then
              file=""
              while [ $# -gt 0 ]; do
                if [ "$1" = "--body-file" ]; then file="$2"; fi
                shift
              done
              n=$(( $(ls "$state" | grep -c '^comment-' || true) + 1001 ))
              cp "$file" "$state/comment-$n.md"
            else
              echo "fake gh: unexpected call: $*" >&2
              exit 9
            fi
            """;

    private String run(Path bin, Path state, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_GH_STATE", state.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    private List<Path> comments(Path state) throws IOException {
        try (Stream<Path> s = Files.list(state)) {
            return s.filter(f -> f.getFileName().toString().startsWith("comment-")).sorted().toList();
        }
    }

    @Test
    void aSecondRunUpdatesTheCommentTheFirstPosted() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, FAKE_GH);
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path state = Files.createDirectories(tmp.resolve("state"));
        // A comment someone else left stays as it is.
        Files.writeString(state.resolve("comment-900.md"), "Looks good to me\n");

        Path first = tmp.resolve("first.md");
        CliRunner a = CliRunner.run("diff", "examples/orders.yaml", "examples/orders.yaml", "--format",
                "github-comment", "--out-file", first.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertEquals("commented on #7", run(bin, state, first.toString(), "7", "octo/shop"));

        Path second = tmp.resolve("second.md");
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, Files.readString(Path.of("examples/orders.yaml")).replace("memoryMb: 512",
                "memoryMb: 1024"));
        CliRunner b = CliRunner.run("diff", "examples/orders.yaml", head.toString(), "--format", "github-comment",
                "--out-file", second.toString());
        assertEquals(0, b.exitCode(), b.err());
        String out = run(bin, state, second.toString(), "7", "octo/shop");
        assertTrue(out.startsWith("updated comment "), out);

        List<Path> all = comments(state);
        assertEquals(2, all.size(), "ours and the other one: " + all);
        Path ours = all.stream().filter(f -> !f.getFileName().toString().equals("comment-900.md")).findFirst()
                .orElseThrow();
        assertEquals(Files.readString(second), Files.readString(ours), "the comment holds the second run's text");
        assertEquals("Looks good to me\n", Files.readString(state.resolve("comment-900.md")));
        List<String> calls = Files.readAllLines(state.resolve("calls.log"));
        assertEquals(1, calls.stream().filter(c -> c.startsWith("pr comment 7 --repo octo/shop")).count(), calls.toString());
        assertEquals(1, calls.stream().filter(c -> c.startsWith("api --method PATCH repos/octo/shop/issues/comments/"))
                .count(), calls.toString());
    }

    @Test
    void aFileWithoutTheMarkerIsRefused() throws Exception {
        Path plain = tmp.resolve("plain.md");
        Files.writeString(plain, "### cost\n");
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), plain.toString(), "7", "octo/shop")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("does not start with <!-- compute-cost diff -->"), out);
    }

    @Test
    void theActionIsACompositeThatDiffsAsACommentAndRunsTheScript() throws IOException {
        var action = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml
                .YAMLFactory()).readTree(Path.of("action.yml").toFile());
        assertEquals("composite", action.path("runs").path("using").asText());
        assertTrue(action.path("inputs").has("path") && action.path("inputs").path("path").path("required")
                .asBoolean(), action.toString());
        String steps = action.path("runs").path("steps").toString();
        assertTrue(steps.contains("--format github-comment") && steps.contains("ci/pr-comment.sh"), steps);
        // The policy inputs reach the command line as their options.
        StringBuilder runs = new StringBuilder();
        action.path("runs").path("steps").forEach(st -> runs.append(st.path("run").asText()).append('\n'));
        assertTrue(action.path("inputs").has("policy")
                && runs.toString().contains("args+=(--policy \"${{ inputs.policy }}\")"), runs.toString());
        assertTrue(runs.toString().contains("args+=(--fail-on-increase \"${{ inputs.fail-on-increase }}\")"),
                runs.toString());
    }
}
