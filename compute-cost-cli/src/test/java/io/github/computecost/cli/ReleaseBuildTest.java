package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Maven Central and a legal review need of the build, checked from the checkout: the licence and notice,
 * the POM metadata, a BOM at the project's version that manages every published module. The release profile
 * itself is built by {@code compute-cost-release-check}'s {@code ReleaseProfileTest}.
 */
class ReleaseBuildTest {

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    private static String first(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">([^<]*)</" + tag + ">").matcher(xml);
        assertTrue(m.find(), "no <" + tag + ">");
        return m.group(1).trim();
    }

    @Test
    void theLicenceNoticeAndMetadataAreThere() throws IOException {
        String licence = read("LICENSE");
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
                && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE is the Apache License 2.0");
        assertTrue(read("NOTICE").startsWith("compute-cost" + System.lineSeparator()) || read("NOTICE").startsWith("compute-cost\n"),
                "NOTICE names the project");
        String parent = read("pom.xml");
        for (String tag : new String[] {"<url>", "<licenses>", "<scm>", "<developers>", "<description>"}) {
            assertTrue(parent.contains(tag), "the parent POM has " + tag);
        }
        assertTrue(parent.contains("<name>Apache-2.0</name>"), "the licence is named by its SPDX id");
    }

    @Test
    void theBomManagesEveryPublishedModuleAtTheProjectsVersion() throws IOException {
        String parent = read("pom.xml");
        String bom = read("compute-cost-bom/pom.xml");
        String version = first(parent.substring(parent.indexOf("<artifactId>compute-cost-parent</artifactId>")),
                "version");
        assertEquals(version, first(bom.substring(bom.indexOf("<artifactId>compute-cost-bom</artifactId>")),
                "version"), "the BOM's version is the project's");
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent.substring(0,
                parent.indexOf("</modules>")));
        while (m.find()) {
            modules.add(m.group(1));
        }
        modules.remove("compute-cost-bom");
        assertTrue(modules.size() >= 3, modules.toString());
        for (String module : modules) {
            assertTrue(bom.contains("<artifactId>" + module + "</artifactId>"), "the BOM manages " + module);
        }
    }
}
