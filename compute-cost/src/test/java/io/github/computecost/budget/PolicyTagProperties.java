package io.github.computecost.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.ResourceEstimate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Ceilings by tag against the sums they hold, for any tagging of any set of resources. */
class PolicyTagProperties {

    static final String[] TEAMS = {"payments", "media", "search"};

    /**
     * @param requests each resource's requests a month (its cost)
     * @param teams each resource's team, an index into {@link #TEAMS}, or 3 for no team tag
     */
    static Estimate estimate(List<Integer> requests, List<Integer> teams) {
        List<io.github.computecost.lambda.LambdaFunction> fns = new ArrayList<>();
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            fns.add(PolicyTest.fn("f" + i, requests.get(i)));
            int t = teams.get(i % teams.size());
            if (t < TEAMS.length) {
                tags.put("f" + i, Map.of("team", TEAMS[t]));
            }
        }
        return PolicyTest.ESTIMATOR.estimate(fns).withTags(tags);
    }

    static BigDecimal sum(Estimate e, String team) {
        BigDecimal s = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            if (team.equals(r.tags().get("team"))) {
                s = s.add(r.monthlyCostExact());
            }
        }
        return s;
    }

    @Property(tries = 60)
    void aCeilingAtEachTeamsExactSumPassesAndOneJustBelowFailsThatTeamOnly(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 20_000_000) Integer> requests,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 3) Integer> teams,
            @ForAll @IntRange(min = 0, max = 2) int broken) {
        Estimate e = estimate(requests, teams);
        Map<String, BigDecimal> atSum = new LinkedHashMap<>();
        for (String t : TEAMS) {
            atSum.put(t, sum(e, t));
        }
        Policy exact = new Policy(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                false, Map.of("team", atSum), List.of());
        assertEquals(List.of(), exact.check(e));
        String team = TEAMS[broken];
        boolean present = e.resources().stream().anyMatch(r -> team.equals(r.tags().get("team")));
        Map<String, BigDecimal> below = new LinkedHashMap<>(atSum);
        below.put(team, atSum.get(team).subtract(new BigDecimal("0.00000001")));
        Policy tight = new Policy(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                false, Map.of("team", below), List.of());
        List<Policy.Failure> f = tight.check(e);
        assertEquals(present ? 1 : 0, f.size(), f.toString());
        if (present) {
            assertEquals(true, f.get(0).message().startsWith("the resources tagged team=" + team + " ("),
                    f.get(0).message());
        }
    }
}
