package io.github.computecost.rerate;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.internal.Csv;
import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags held in a map column: CUR 2.0's {@code resource_tags} ({@code user_team}, keys as AWS normalises them) and
 * FOCUS's {@code Tags} ({@code team} as set, or {@code user:team}), written as a CSV export writes a map (a JSON
 * object), give the same cost per tag value as the legacy {@code resourceTags/user:team} column of the same bill.
 */
class TagMapTest {

    @TempDir
    Path dir;

    /** The legacy bill with its tag column replaced by CUR 2.0's resource_tags map, each value made by {@code map}. */
    private Path withMap(Path legacy, String column, java.util.function.Function<String, String> map)
            throws IOException {
        List<String> lines = Files.readAllLines(legacy);
        List<String> header = Csv.split(lines.get(0));
        int team = header.indexOf("resourceTags/user:team");
        List<String> out = new ArrayList<>();
        header.set(team, column);
        out.add(String.join(",", header));
        for (String line : lines.subList(1, lines.size())) {
            List<String> v = new ArrayList<>(Csv.split(line));
            String json = map.apply(v.get(team));
            v.set(team, json == null ? "" : "\"" + json.replace("\"", "\"\"") + "\"");
            out.add(String.join(",", v));
        }
        Path file = dir.resolve("bill.csv");
        Files.write(file, out);
        return file;
    }

    @Test
    void cur2ResourceTagsGiveTheCostPerTagOfTheLegacyColumn() throws IOException {
        Rerater rerater = Rerater.of(PriceBook.bundled()).tags(List.of("team"));
        Rerater.Result legacy = rerater.rate(LineItemTypesTest.TYPES);
        Path cur2 = withMap(LineItemTypesTest.TYPES, "resource_tags", team -> team.isEmpty() ? "{}"
                : "{\"aws_created_by\": \"ops\", \"user_team\": \"" + team + "\", \"user_team_lead\": \"x\"}");
        Rerater.Result fromMap = rerater.rate(cur2);
        assertEquals(legacy.totalExact(), fromMap.totalExact());
        assertEquals(legacy.byTag(), fromMap.byTag());
        assertEquals(legacy.skipped(), fromMap.skipped());
        assertTrue(legacy.byTag().get("team").containsKey("checkout")); // the check has teams to compare
        assertTrue(legacy.byTag().get("team").containsKey(""));
        // Grouped by the tag, the same groups.
        assertEquals(legacy.groupBy(Rerater.GroupBy.tag("team")), fromMap.groupBy(Rerater.GroupBy.tag("team")));
    }

    @Test
    void aTagKeyIsComparedAfterCur2sRuleForKeys() throws IOException {
        // AWS writes the tag "Cost Center" as user_cost_center; a legacy-style user: key matches too.
        Path cur2 = withMap(LineItemTypesTest.TYPES, "resource_tags", team -> team.isEmpty() ? null
                : team.equals("web") ? "{\"user_cost_center\":\"" + team + "\"}" : "{\"user:Cost Center\":\"" + team
                + "\"}");
        Rerater.Result r = Rerater.of(PriceBook.bundled()).tags(List.of("Cost Center")).rate(cur2);
        Rerater.Result legacy = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(LineItemTypesTest.TYPES);
        assertEquals(legacy.byTag().get("team"), r.byTag().get("Cost Center"));
    }

    @Test
    void focusTagsGiveTheCostPerTagOfTheSameBillAsACur() throws IOException {
        Path focus = FocusAndCurAgreeTest.FOCUS;
        List<String> lines = Files.readAllLines(focus);
        int resource = Csv.split(lines.get(0)).indexOf("ResourceId");
        Map<String, String> tags = Map.of(
                "arn:aws:lambda:us-east-1:111111111111:function:orders", "{\"team\":\"checkout\",\"aws:createdBy\":\"x\"}",
                "arn:aws:ecs:us-east-1:111111111111:task/web", "{\"user:team\":\"web\"}",
                "i-0123456789abcdef0", "{\"Team\":\"not this one\",\"team\":\"web\"}",
                "arn:aws:lambda:us-east-1:222222222222:function:tiny", "{}");
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",Tags");
        for (String line : lines.subList(1, lines.size())) {
            String json = tags.get(Csv.split(line).get(resource));
            out.add(line + "," + (json == null ? "" : "\"" + json.replace("\"", "\"\"") + "\""));
        }
        Path file = Files.write(dir.resolve("focus.csv"), out);
        Rerater.Result r = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(file);
        Rerater.Result legacy = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(LineItemTypesTest.TYPES);
        assertEquals(Rerater.InputFormat.FOCUS, r.inputFormat());
        assertEquals(legacy.byTag(), r.byTag());
        // Without a Tags column, FOCUS cannot give a tag: refused, naming the column.
        var e = assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).tags(List.of("team"))
                .rate(focus));
        assertEquals(focus + ": no Tags column, where FOCUS keeps the tag team", e.getMessage());
    }

    @Test
    void aMapThatIsNotJsonKeepsItsRowsCostUnderAValueThatSaysSo() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "line_item_usage_type,line_item_usage_amount,resource_tags\n"
                + "Request,1000000,\"{\"\"user_team\"\":\"\"a\"\"}\"\n"
                + "Request,1000000,user_team=a\n"
                + "Request,1000000,\"{\"\"user_team\"\":\"\"a\"\"\"\n" // not closed
                + "Request,1000000,\"{\"\"user_team\"\":1}\"\n" // not a string
                + "Request,3000000,\n", StandardCharsets.UTF_8);
        Rerater.Result r = Rerater.of(PriceBook.bundled()).freeTier(false).tags(List.of("team")).rate(file);
        assertEquals(Map.of(), r.skipped());
        assertEquals(5, r.rated());
        assertDecimal("0.2", r.byTag().get("team").get("a"));
        assertDecimal("0.6", r.byTag().get("team").get(""));
        assertDecimal("0.6", r.byTag().get("team").get("(tag map not read: not a JSON object)")); // three rows of 1M
        // The total is the same whether the tag is asked for or not.
        assertEquals(r.totalExact(), Rerater.of(PriceBook.bundled()).freeTier(false).rate(file).totalExact());
    }

    @Test
    void escapesInKeysAndValuesAreDecoded() {
        TagMap m = TagMap.focus("t\u00e9am");
        byte[] json = "{ \"a\\\"b\" : \"c\" , \"t\\u00e9am\" : \"line\\nbreak \\ud83d\\ude00 \\\\ \\/\" }"
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(m.find(json, 0, json.length));
        assertEquals("line\nbreak \uD83D\uDE00 \\ /", new String(m.value(), 0, m.valueLength(),
                StandardCharsets.UTF_8));
        byte[] nul = "{\"t\u00e9am\":null}".getBytes(StandardCharsets.UTF_8);
        assertTrue(m.find(nul, 0, nul.length));
        assertEquals(0, m.valueLength());
        for (String bad : List.of("{", "{\"a\"}", "{\"a\":\"b\",}", "{\"a\":\"b\"} x", "[\"a\"]", "{\"a\":\"\\x\"}",
                "{\"a\":\"\u0001\"}", "{\"a\":\"b\" \"c\":\"d\"}")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertFalse(m.find(b, 0, b.length), bad);
        }
    }

    /** Whatever the keys and values, a map written as {@link RowBytes#json} gives back each value by its key. */
    @Property(tries = 300)
    void aMapWrittenAsJsonGivesBackEachValue(@ForAll @Size(max = 6) List<@StringLength(max = 12) String> keys,
            @ForAll @StringLength(max = 20) String value) {
        List<String> ks = new ArrayList<>();
        List<String> vs = new ArrayList<>();
        for (String k : keys) {
            if (!k.equals("wanted") && !ks.contains(k)) {
                ks.add(k);
                vs.add(k + "!");
            }
        }
        int at = ks.size() / 2;
        ks.add(at, "wanted");
        vs.add(at, value);
        byte[] json = RowBytes.json(ks, vs).getBytes(StandardCharsets.UTF_8);
        TagMap m = TagMap.focus("wanted");
        assertTrue(m.find(json, 0, json.length), new String(json, StandardCharsets.UTF_8));
        assertEquals(value, new String(m.value(), 0, m.valueLength(), StandardCharsets.UTF_8));
        for (int i = 0; i < ks.size(); i++) {
            if (i != at && !ks.get(i).isEmpty()) {
                TagMap other = TagMap.focus(ks.get(i));
                assertTrue(other.find(json, 0, json.length));
                assertEquals(vs.get(i), new String(other.value(), 0, other.valueLength(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aMapIsWrittenAsTheJsonObjectACsvExportHas() {
        assertEquals("{\"user_team\":\"web\",\"q\\\"\":null,\"c\":\"\\u0001\\\\\"}", RowBytes.json(
                List.of("user_team", "q\"", "c"), java.util.Arrays.asList("web", null, "\u0001\\")));
        assertThrows(IllegalArgumentException.class, () -> RowBytes.json(List.of("a"), List.of()));
    }
}
