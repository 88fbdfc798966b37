package org.dissect4j.net;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;

/** Small hand-off helpers shared by the dissectors of this module. */
final class NetUtil {
    private NetUtil() {
    }

    /**
     * Shows {@code length} bytes at {@code offset} as {@code data}, leaving the Protocol column to
     * the layer that could not decode them (Wireshark's data dissector does not set it). Nothing is
     * recorded for zero bytes.
     */
    static int callData(Packet p, DissectorHandle data, int offset, int length) {
        return callData(p, data, offset, length, false);
    }

    /** As {@link #callData}, drawn inside the open item: ICMP's echo data sits in the ICMP item in Wireshark. */
    static int callDataNested(Packet p, DissectorHandle data, int offset, int length) {
        return callData(p, data, offset, length, true);
    }

    private static int callData(Packet p, DissectorHandle data, int offset, int length, boolean nested) {
        if (length <= 0 && p.captured(offset) <= 0) {
            return 0;
        }
        String column = p.protocolColumn();
        int n = nested ? p.callNested(data, offset, length) : p.call(data, offset, length);
        p.protocolColumn(column);
        return n;
    }

    /**
     * Marks the packet malformed (expert item and {@code _ws.malformed}) without the
     * " [Malformed Packet]" Info suffix: Wireshark shows that only when an exception stops a
     * dissector, not for length errors a dissector reports and survives.
     */
    static void markMalformed(Packet p, int offset) {
        if (p.columns()) {
            int keep = p.info().length();
            p.markMalformed(offset);
            p.info().setLength(keep);
        } else {
            p.markMalformed(offset);
        }
    }

    /**
     * Calls the dissector registered in {@code table} under {@code key}; returns whether it took
     * the data: it consumed something, or it failed on them (a bounds exception leaves its
     * protocol in the chain), as Wireshark counts a registered dissector that threw as found.
     */
    static boolean callTable(Packet p, DissectorTable table, long key, int offset, int length) {
        DissectorHandle h = table.get(key);
        if (h == null) {
            return false;
        }
        int before = p.protocolCount();
        return p.call(h, offset, length) > 0 || p.protocolCount() > before;
    }

    /** Length of the string at {@code at} up to its first NUL, at most {@code max} bytes. */
    static int strnlen(Packet p, int at, int max) {
        for (int i = 0; i < max; i++) {
            if (p.u8(at + i) == 0) {
                return i;
            }
        }
        return max;
    }

    /** Calls {@code handle} on {@code length} bytes of the current data source; returns what it consumed. */
    static int call(Packet p, DissectorHandle handle, int offset, int length) {
        return handle == null ? 0 : p.call(handle, offset, length);
    }
}
