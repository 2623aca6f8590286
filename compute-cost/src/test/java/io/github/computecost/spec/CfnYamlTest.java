package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computecost.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

    @Test
    void theTreeIsWhatJacksonMakesOfTheLoadedTemplate() throws IOException {
        for (String f : new String[] {"sam.yaml", "sam-usage.yaml"}) {
            Object doc = CfnYaml.load(Files.readString(Path.of("compute-cost/src/test/resources/config", f)));
            assertEquals(Json.json().valueToTree(doc), CfnYaml.tree(doc), f);
        }
    }

    @Test
    void anUnquotedDateBecomesIsoText() {
        assertEquals("2010-09-09T00:00:00Z",
                CfnYaml.tree(CfnYaml.load("AWSTemplateFormatVersion: 2010-09-09\n")).get("AWSTemplateFormatVersion")
                        .asText());
    }
}
