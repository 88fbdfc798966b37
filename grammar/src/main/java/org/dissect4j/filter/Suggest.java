package org.dissect4j.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "Did you mean ...?": the closest known names by edit distance, with names that extend the input. */
final class Suggest {
    private static final int MAX = 3;

    private Suggest() {
    }

    /** Up to three close names from {@code known}, best first. */
    static List<String> closest(String input, Collection<String> known) {
        record Scored(String name, int score) {
        }
        int limit = Math.max(1, Math.min(3, input.length() / 3));
        List<Scored> found = new ArrayList<>();
        String lower = input.toLowerCase(java.util.Locale.ROOT);
        for (String k : known) {
            int d;
            if (k.equalsIgnoreCase(input)) {
                d = 0;
            } else if (Math.abs(k.length() - input.length()) > limit && !(input.length() >= 3 && k.startsWith(input))) {
                continue;
            } else {
                d = distance(lower, k.toLowerCase(java.util.Locale.ROOT), limit + 1);
                if (input.length() >= 3 && k.startsWith(input) && k.length() > input.length()) {
                    // a name that extends what was typed (tcp.analysis.retrans -> tcp.analysis.retransmission)
                    d = Math.min(d, limit);
                }
            }
            if (d <= limit) {
                found.add(new Scored(k, d));
            }
        }
        found.sort(Comparator.comparingInt(Scored::score).thenComparingInt(s -> s.name.length())
                .thenComparing(Scored::name));
        Set<String> out = new LinkedHashSet<>();
        for (Scored s : found) {
            out.add(s.name);
            if (out.size() == MAX) {
                break;
            }
        }
        return List.copyOf(out);
    }

    /** {@code " Did you mean x?"}, {@code " Did you mean x, y or z?"}, or the empty string. */
    static String hint(String input, Collection<String> known) {
        List<String> c = closest(input, known);
        if (c.isEmpty()) {
            return "";
        }
        return " Did you mean " + join(c, "") + "?";
    }

    /** For value names: the closest names, quoted, or the first few when none is close. */
    static String valueHint(String input, List<String> names) {
        if (names.isEmpty()) {
            return " This field has no value names.";
        }
        List<String> c = closest(input, names);
        if (!c.isEmpty()) {
            return " Did you mean " + join(c, "\"") + "?";
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt((String n) -> distance(input.toLowerCase(java.util.Locale.ROOT),
                n.toLowerCase(java.util.Locale.ROOT), Integer.MAX_VALUE)));
        return " Known values include " + join(sorted.subList(0, Math.min(5, sorted.size())), "\"")
                + (names.size() > 5 ? " (" + names.size() + " in all)" : "") + ".";
    }

    private static String join(List<String> c, String quote) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            if (i > 0) {
                sb.append(i == c.size() - 1 ? " or " : ", ");
            }
            sb.append(quote).append(c.get(i)).append(quote);
        }
        return sb.toString();
    }

    /** Optimal string alignment distance (adjacent transpositions count 1), stopping early above {@code cap}. */
    static int distance(String a, String b, int cap) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > cap) {
            return cap + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
