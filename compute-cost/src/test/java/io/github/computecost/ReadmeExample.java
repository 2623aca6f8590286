package io.github.computecost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's "Java API in ten lines", as printed: the tests that compile it, run it and show it read it here. */
record ReadmeExample(String block, String imports, String body) {

    /** @return the example: the whole code block, its import lines, and its other lines (a method's body) */
    static ReadmeExample read() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("## The Java API in ten lines");
        int start = readme.indexOf("```java\n", at) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return new ReadmeExample(block, imports.toString(), body.toString());
    }
}
