package io.github.computecost.rerate;

import io.github.computecost.estimate.BulkUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * An aggregator's sums made into resources' usage, grouped by billing family (or account) and month
 * ({@link Aggregator#groups}), one key at a time.
 *
 * <p>Run once per bill, over as many keys as the bill has sums, so each step is a method of its own: the compiler
 * compiles each while the bill is read, small and separately, where one method of all steps took it longer to
 * compile on one core than to run (and was compiled again after each step first took a new branch).
 */
final class ResourceGroups {

    private final SumTable keys;
    private final List<UsageIndex.Target> targets;
    private final IntFunction<String> internedText;
    private final int parts; // group, account, month, resource, tags
    private final Aggregator.Columns c;
    private final Map<Aggregator.Billed, BigDecimal[]> billed;

    /** Per target: its place (service and region) by number. */
    private final int[] placeOf;
    /** Resources' keys: a sum's key with its usage type replaced by its place. */
    private final SumTable resources;
    private final List<Aggregator.Meta> metas = new ArrayList<>();
    private final List<UsageIndex.Target> where = new ArrayList<>(); // per resource: a target at its place
    /** Per key: its resource, base usage type and usage. */
    private final int[] resourceOf;
    private final String[] typeOfKey;
    private final BigDecimal[] usageOfKey;
    private final Numbered byAccountMonth = new Numbered(); // group and month, numbered first met first
    private int[] groupOf; // per resource: its group's number
    private final Map<String, String> strings = new HashMap<>(); // tag values, each kept once
    /** Resources as the result shows them (resource and place), numbered: many resources may share one. */
    private final Numbered shownNames = new Numbered();
    /** A key's bytes, its usage type replaced by its place: one buffer, copied from only for a resource first met. */
    private byte[] scratch = new byte[64];
    /**
     * AWS's costs per account, kind and priced usage type, in fixed point as the keys hold them (sum 1 unblended, sum
     * 2 effective), by an 8-byte key of numbers: the account's and kind's ({@link #billedOf}), and the priced type's.
     * Made into {@code billed} at the end.
     */
    private final SumTable billedSums;
    private final byte[] billedKey = new byte[24]; // 8 bytes to spare: the hash may read them
    private final Numbered accounts = new Numbered();
    /** Per resource: its account's number times the kinds, plus its kind's ordinal (its part of a billed key). */
    private int[] billedOf;
    /** Where each part of the key being added starts, and (last) its kind. */
    private final int[] partAt;
    /** Resources as shown by their resource part's bytes and place, each with its number among them (shownOf). */
    private final SumTable shownByBytes = new SumTable(256);
    private int[] shownOf = new int[256];
    private byte[] shownKey = new byte[64];
    /** Per target: the number of its priced usage type among {@link #pricedTypes}. */
    private final int[] pricedOf;
    private final Numbered pricedTypes = new Numbered();

    /** Strings numbered in the order first met. */
    private static final class Numbered {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        /** @return the number of {@code s}, given it now if it has none */
        int of(String s) {
            return numbers.computeIfAbsent(s, x -> {
                values.add(x);
                return values.size() - 1;
            });
        }

        /** @return the string numbered {@code n}, as first met */
        String get(int n) {
            return values.get(n);
        }

        /** @return how many strings are numbered: 0 to {@code size() - 1} */
        int size() {
            return values.size();
        }
    }

    /**
     * @param keys the aggregator's sums, released once read
     * @param billed where AWS's costs are summed, per account, kind and priced usage type
     */
    ResourceGroups(SumTable keys, List<UsageIndex.Target> targets, UsageIndex index, Aggregator.Columns c,
            IntFunction<String> internedText, Map<Aggregator.Billed, BigDecimal[]> billed) {
        this.keys = keys;
        this.targets = targets;
        this.internedText = internedText;
        this.parts = 4 + c.tags().length;
        this.c = c;
        this.billed = billed;
        Map<List<String>, Integer> places = new HashMap<>(); // service and region -> number
        placeOf = new int[targets.size()];
        pricedOf = new int[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            UsageIndex.Target target = targets.get(t);
            placeOf[t] = places.computeIfAbsent(List.of(target.service(), target.region()), x -> places.size());
            pricedOf[t] = pricedTypes.of(index.usageType(target));
        }
        billedSums = new SumTable(64, 3);
        resources = new SumTable(keys.size());
        resourceOf = new int[keys.size()];
        typeOfKey = new String[keys.size()];
        usageOfKey = new BigDecimal[keys.size()];
        groupOf = new int[Math.max(16, keys.size() / 2)];
        billedOf = new int[groupOf.length];
        partAt = new int[parts + 1];
    }

    /** @return the groups of every key, in the order first met; the keys' table is released */
    List<Aggregator.Group> all() {
        int keyCount = keys.size();
        for (int n = 0; n < keyCount; n++) {
            key(n);
        }
        keys.release(); // read once: its memory goes to the rating that follows
        billed();
        return build(keyCount);
    }

    /** Key number {@code n}: its resource (added when first met), usage, and AWS's costs. */
    private void key(int n) {
        int entry = keys.entry(n);
        int len = keys.keyLength(entry);
        byte[] k = scratch = SumTable.room(scratch, len);
        System.arraycopy(keys.keyArena(), keys.keyStart(entry), k, 0, len);
        int typeAt = len - 4;
        int t = Aggregator.getInt(k, typeAt);
        UsageIndex.Target target = targets.get(t);
        Aggregator.setInt(k, typeAt, placeOf[t]); // the resource's key: the same parts, its place
        int h = SumTable.hash(k, 0, len);
        int found = resources.find(k, len, h);
        int r = found >= 0 ? resources.number(found) : add(k, len, h, target, t);
        resourceOf[n] = r;
        typeOfKey[n] = target.baseUsageType();
        usageOfKey[n] = keys.total(entry, Aggregator.USAGE);
        if (c.unblended() >= 0) {
            bill(entry, r, t);
        }
    }

    /** Adds the resource of key {@code k[0..len)} (its place in the type's stead), first met. @return its number */
    private int add(byte[] k, int len, int h, UsageIndex.Target target, int t) {
        int r = resources.number(resources.add(k, len, h)); // the table copies the key
        int at = 0;
        for (int i = 0; i < parts; i++) {
            partAt[i] = at;
            int part = Aggregator.getInt(k, at);
            at += (part & Aggregator.NUMBERED) != 0 ? 4 : 4 + part;
        }
        partAt[parts] = at; // the kind
        LineItemType kind = Aggregator.KINDS[Aggregator.getInt(k, at)];
        String[] tags = new String[parts - 4];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = once(part(k, 4 + i));
        }
        int accountId = accounts.of(part(k, 1));
        String account = accounts.get(accountId);
        if (r == billedOf.length) {
            billedOf = Arrays.copyOf(billedOf, r * 2);
            groupOf = Arrays.copyOf(groupOf, r * 2);
        }
        billedOf[r] = accountId * Aggregator.KINDS.length + kind.ordinal();
        int shownId = shown(k, target, t);
        // The name is unique in its group whatever the parts hold (two accounts' resources may share a name).
        metas.add(new Aggregator.Meta(account, shownNames.get(shownId) + " #" + r, shownId, kind, List.of(tags)));
        where.add(target);
        String payer = part(k, 0);
        String group = payer.isEmpty() ? account : payer; // the payer's family, else the account alone
        groupOf[r] = byAccountMonth.of(group + "|" + part(k, 2));
        return r;
    }

    /** @return part {@code i} of key {@code k} (found by {@link #add}) as text */
    private String part(byte[] k, int i) {
        int len = Aggregator.getInt(k, partAt[i]);
        return (len & Aggregator.NUMBERED) != 0 ? internedText.apply(len & ~Aggregator.NUMBERED)
                : new String(k, partAt[i] + 4, len, StandardCharsets.UTF_8);
    }

    /**
     * @return the number of the resource as shown of key {@code k} (found by {@link #add}) of target {@code t}: by its
     *     resource part's bytes and its place, and the first time those are met by the text shown (a value given by
     *     number and the same value as bytes are one resource as shown)
     */
    private int shown(byte[] k, UsageIndex.Target target, int t) {
        int from = partAt[3];
        int len = partAt[4] - from + 4;
        shownKey = SumTable.room(shownKey, len);
        System.arraycopy(k, from, shownKey, 0, len - 4);
        Aggregator.setInt(shownKey, len - 4, placeOf[t]);
        int h = SumTable.hash(shownKey, 0, len);
        int e = shownByBytes.find(shownKey, len, h);
        if (e >= 0) {
            return shownOf[shownByBytes.number(e)];
        }
        int n = shownByBytes.number(shownByBytes.add(shownKey, len, h));
        String shown = part(k, 3) + " [" + target.service() + " " + target.region() + "]";
        int id = shownNames.of(shown);
        if (n == shownOf.length) {
            shownOf = Arrays.copyOf(shownOf, n * 2);
        }
        shownOf[n] = id;
        return id;
    }

    /** @return {@code s}, or the equal string kept before */
    private String once(String s) {
        return strings.computeIfAbsent(s, x -> x);
    }

    /**
     * Adds the unblended cost at {@code entry} (and the effective cost of covered usage) of resource {@code r}'s key
     * of target {@code t} to AWS's costs, exactly.
     */
    private void bill(int entry, int r, int t) {
        int accountKind = billedOf[r];
        Aggregator.setInt(billedKey, 0, accountKind);
        Aggregator.setInt(billedKey, 4, pricedOf[t]);
        int h = SumTable.hash(billedKey, 0, 8);
        int b = billedSums.find(billedKey, 8, h);
        if (b < 0) {
            b = billedSums.add(billedKey, 8, h);
        }
        billedSums.add(b, Aggregator.UNBLENDED, keys, entry, Aggregator.UNBLENDED);
        if (c.effective(accountKind % Aggregator.KINDS.length) >= 0) {
            billedSums.add(b, Aggregator.EFFECTIVE, keys, entry, Aggregator.EFFECTIVE);
        }
    }

    /** AWS's costs summed by {@link #bill}, into {@code billed}: per account, kind and priced usage type. */
    private void billed() {
        for (int i = 0; i < billedSums.size(); i++) {
            int b = billedSums.entry(i);
            int at = billedSums.keyStart(b);
            byte[] k = billedSums.keyArena();
            int accountKind = Aggregator.getInt(k, at);
            int kind = accountKind % Aggregator.KINDS.length;
            Aggregator.Billed key = new Aggregator.Billed(accounts.get(accountKind / Aggregator.KINDS.length),
                    Aggregator.KINDS[kind], pricedTypes.get(Aggregator.getInt(k, at + 4)));
            // Every key of one account and kind has its effective cost added, or none has (it goes by the kind).
            billed.put(key, new BigDecimal[] {billedSums.total(b, Aggregator.UNBLENDED),
                c.effective(kind) >= 0 ? billedSums.total(b, Aggregator.EFFECTIVE) : null});
        }
        billedSums.release();
    }

    /**
     * Each group's resources in the order first met, then their usage in the keys' order (a resource's records in the
     * order its keys were first met, as the rating engine lays them out).
     */
    private List<Aggregator.Group> build(int keyCount) {
        List<BulkUsage.Builder> builders = new ArrayList<>(byAccountMonth.size());
        List<List<Aggregator.Meta>> groupMetas = new ArrayList<>(byAccountMonth.size());
        for (int g = 0; g < byAccountMonth.size(); g++) {
            builders.add(BulkUsage.builder());
            groupMetas.add(new ArrayList<>());
        }
        int[] localOf = new int[metas.size()];
        for (int r = 0; r < metas.size(); r++) {
            UsageIndex.Target place = where.get(r);
            localOf[r] = builders.get(groupOf[r]).resource(metas.get(r).name(), place.service(), place.region());
            groupMetas.get(groupOf[r]).add(metas.get(r));
        }
        for (int n = 0; n < keyCount; n++) {
            int r = resourceOf[n];
            builders.get(groupOf[r]).usage(localOf[r], typeOfKey[n], usageOfKey[n]);
        }
        List<Aggregator.Group> groups = new ArrayList<>(builders.size());
        for (int g = 0; g < builders.size(); g++) {
            groups.add(new Aggregator.Group(builders.get(g).build(), groupMetas.get(g), shownNames.values));
        }
        return groups;
    }
}
