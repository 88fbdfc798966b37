package org.dissect4j.tunnel.teredo;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The Teredo plugin: {@code teredo} on UDP port 3544, the table {@code teredo} and the UDP heuristic
 * {@code teredo_udp}. Preference (read once here): {@code teredo.heuristic_teredo} (FALSE, as in Wireshark 4.0:
 * Teredo between clients and relays on other ports is found only when it is set).
 */
public final class TeredoPlugin implements DissectorPlugin {
    /** Teredo's UDP port (the server's). */
    public static final int UDP_PORT = 3544;
    /** The short name of the UDP heuristic. */
    public static final String HEURISTIC = "teredo_udp";

    static final Protocol TEREDO = new Protocol("Teredo IPv6 over UDP tunneling", "Teredo", "teredo");

    private final TeredoDissector dissector = new TeredoDissector();
    private DissectorHandle handle;
    private DissectorHandle heuristic;
    private boolean heuristicOn;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public TeredoPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "teredo";
    }

    @Override
    public void register(Registrar r) {
        heuristicOn = r.settings().bool("teredo.heuristic_teredo", false);
        r.protocol(TEREDO, TeredoFields.all());
        r.newTable("teredo", "Teredo", FieldType.UINT16, Base.DEC);
        handle = r.dissector("teredo", TEREDO, dissector);
        heuristic = r.heuristic(HEURISTIC, TEREDO, dissector::heuristic);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("udp.port").ifPresent(t -> t.add(UDP_PORT, handle));
        r.findHeuristics("udp").ifPresent(l -> l.add(HEURISTIC, "Teredo over UDP", heuristic, heuristicOn));
        dissector.wire(r.table("teredo"), Handoffs.find(r, "ipv6"));
    }
}
