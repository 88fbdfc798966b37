package org.dissect4j.cli;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@code -T json}, {@code -T jsonraw}, {@code -T ek} and {@code -T pdml} write the tree: {@code -j}/{@code -J}
 * (the protocols whose subtrees are written; {@code -J} with everything below them), {@code --no-duplicate-keys}
 * (a key's values in one array), {@code -x} or jsonraw (the raw bytes as {@code KEY_raw}) and whether values are
 * written at all (not for jsonraw).
 *
 * @param filter the listed protocols, or {@code null} for all
 * @param includeChildren {@code -J}
 * @param noDuplicateKeys {@code --no-duplicate-keys}
 * @param hex raw values ({@code -x}, jsonraw)
 * @param text text values (not for jsonraw)
 */
record JsonOptions(Set<String> filter, boolean includeChildren, boolean noDuplicateKeys, boolean hex, boolean text) {
    /** The filter of {@code -j} or {@code -J}: protocol names separated by spaces; {@code null} for none. */
    static Set<String> filter(String list) {
        if (list == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>(Arrays.asList(list.trim().split("\\s+")));
        out.remove("");
        return out;
    }
}
