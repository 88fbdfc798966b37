package org.dissect4j.tunnel.erspan;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The ERSPAN plugin: {@code erspan} on GRE protocol types 0x88BE (types I and II) and 0x22EB (type III).
 * The mirrored frame goes to {@code eth_withoutfcs}.
 */
public final class ErspanPlugin implements DissectorPlugin {
    /** GRE protocol type of ERSPAN types I and II. */
    public static final int GRE_TYPE_II = 0x88BE;
    /** GRE protocol type of ERSPAN type III. */
    public static final int GRE_TYPE_III = 0x22EB;

    private static final Labeler TYPE = (tree, node, out) -> {
        out.append("Encapsulated Remote Switch Packet ANalysis");
        long version = tree.value(node);
        out.append(version == 0 ? " Type I" : version == ErspanDissector.VERSION_II ? " Type II"
                : version == ErspanDissector.VERSION_III ? " Type III" : "");
    };

    static final Protocol ERSPAN = new Protocol("Encapsulated Remote Switch Packet ANalysis", "ERSPAN", "erspan")
            .labeler(TYPE);

    private final ErspanDissector typeTwo = new ErspanDissector(false);
    private final ErspanDissector typeThree = new ErspanDissector(true);
    private DissectorHandle handleTwo;
    private DissectorHandle handleThree;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public ErspanPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "erspan";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(ERSPAN, ErspanFields.all());
        handleTwo = r.dissector("erspan", ERSPAN, typeTwo);
        handleThree = r.dissector("erspan3", ERSPAN, typeThree);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("gre.proto").ifPresent(t -> {
            t.add(GRE_TYPE_II, handleTwo);
            t.add(GRE_TYPE_III, handleThree);
        });
        DissectorHandle eth = Handoffs.find(r, "eth_withoutfcs");
        typeTwo.wire(eth);
        typeThree.wire(eth);
    }
}
