package org.dissect4j.tunnel;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PluginException;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Tree;

/**
 * Hand-off helpers the tunnel dissectors share: undissected bytes that keep the Protocol column of the
 * layer that carried them, and a table look-up that counts a callee that failed on its bytes as found.
 */
public final class Handoffs {
    private Handoffs() {
    }

    /**
     * Records expert item {@code e} (with {@code message}, or its own when {@code null}); the tree follows an item of
     * the Malformed group with a hidden {@code _ws.malformed}, so the filter finds the packet without the
     * " [Malformed Packet]" an exception would show.
     *
     * @param p the packet
     * @param e the expert item
     * @param at its offset
     * @param length its length
     * @param message the text, or {@code null}
     */
    public static void expert(Packet p, Expert e, int at, int length, String message) {
        Tree t = p.tree();
        if (message == null) {
            t.expert(e, at, length);
        } else {
            t.expert(e, at, length, message);
        }
    }

    /**
     * The named dissector, or {@code null} when no plugin of this engine registered it (a unit test's
     * engine without the link layer): the tunnels then show their payload as data.
     *
     * @param r the registrar, in phase 2
     * @param name the dissector's name
     * @return the handle, or {@code null}
     */
    public static DissectorHandle find(Registrar r, String name) {
        try {
            return r.dissector(name);
        } catch (PluginException e) {
            return null;
        }
    }

    /**
     * Shows {@code length} bytes at {@code offset} as {@code data}, leaving the Protocol column to the
     * tunnel (Wireshark's data dissector does not set it). Nothing is recorded when none is captured.
     *
     * @param p the packet
     * @param offset the offset in the current data source
     * @param length the bytes
     * @return the bytes shown
     */
    public static int data(Packet p, int offset, int length) {
        if (length <= 0 || p.captured(offset) <= 0) {
            return 0;
        }
        String column = p.protocolColumn();
        int n = p.callData(offset, length);
        p.protocolColumn(column);
        return n;
    }

    /**
     * Calls {@code h} on the bytes; whether it took them: it consumed something, or it failed on them
     * (a bounds exception leaves its protocol in the chain), as Wireshark counts a dissector that threw
     * as found.
     *
     * @param p the packet
     * @param h the dissector, may be {@code null}
     * @param offset the offset in the current data source
     * @param length the bytes
     * @return whether the dissector took the bytes
     */
    public static boolean call(Packet p, DissectorHandle h, int offset, int length) {
        if (h == null) {
            return false;
        }
        int before = p.protocolCount();
        return p.call(h, offset, length) > 0 || p.protocolCount() > before;
    }

    /**
     * Calls what {@code table} holds under {@code key}, else shows the bytes as data.
     *
     * @param p the packet
     * @param table the table, may be {@code null}
     * @param key the key
     * @param offset the offset in the current data source
     * @param length the bytes
     */
    public static void tableOrData(Packet p, DissectorTable table, long key, int offset, int length) {
        if (table == null || !call(p, table.get(key), offset, length)) {
            data(p, offset, length);
        }
    }
}
