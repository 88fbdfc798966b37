package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The {@code frame} dissector, where the engine starts every frame (Wireshark's packet-frame.c):
 * records the capture metadata (number, lengths, times, interface, encapsulation), hands the bytes
 * to the link-layer dissector registered in the {@code link.type} table under the frame's pcap
 * {@code LINKTYPE_*} (unknown types become {@code data}), and at the end composes
 * {@code frame.protocols} from the protocols the packet went through, when someone wants it.
 *
 * <p>Time fields: {@code frame.time_delta} counts from the previous frame this dissector saw,
 * {@code frame.time_relative} from frame 1, {@code frame.time_delta_displayed} from the engine's
 * last displayed frame ({@link org.dissect4j.api.Engine#previousDisplayedTimestamp()}). A frame that
 * carries its capture context ({@link Frame#captureContext}) gives the first and previous timestamps
 * itself: a worker of a parallel dissection sees only some of the frames.
 */
final class FrameDissector implements Dissector {
    private final NetContext ctx;
    private final StringBuilder scratch = new StringBuilder(128);
    private DissectorTable linkTypes;
    private DissectorHandle data;
    private long firstTimestamp;
    private long previousTimestamp;
    private boolean seenFirst;

    FrameDissector(NetContext ctx) {
        this.ctx = ctx;
    }

    void wire(DissectorTable linkTypes, DissectorHandle data) {
        this.linkTypes = linkTypes;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        ctx.reset();
        Tree t = p.tree();
        Frame f = p.frame();
        long ts = f.timestampNanos();
        if (f.firstTimestampNanos() != Long.MIN_VALUE) {
            // a worker of a parallel dissection: the reader saw the frames this dissector does not
            seenFirst = true;
            firstTimestamp = f.firstTimestampNanos();
            previousTimestamp = f.previousTimestampNanos();
        } else if (!seenFirst || f.number() <= 1) {
            seenFirst = true;
            firstTimestamp = ts;
            previousTimestamp = ts;
        }
        if (t.wants(NetProtocols.FRAME.field()) && !t.wantsAll()) {
            // The tree line "Frame 1: 74 bytes on wire ..." is composed from these children.
            t.want(FrameFields.NUMBER);
            t.want(FrameFields.LEN);
            t.want(FrameFields.CAP_LEN);
            t.want(FrameFields.INTERFACE_ID);
            t.want(FrameFields.INTERFACE_NAME);
        }
        // Without a wanted frame field (a filter on TCP flags) none of the adds below would record anything.
        int frameNode = t.wantsAnyOf(NetProtocols.FRAME) ? frameFields(p, t, f, ts) : -1;
        previousTimestamp = ts;

        if (linkTypes == null || p.callTable(linkTypes, Integer.toUnsignedLong(f.linkType()), 0, length) == 0) {
            NetUtil.callData(p, data, 0, length);
        }

        if (t.wants(FrameFields.PROTOCOLS)) {
            StringBuilder sb = scratch;
            sb.setLength(0);
            int frameId = NetProtocols.FRAME.field().id();
            int malformedId = EngineFields.MALFORMED.field().id();
            for (int i = 0, n = p.protocolCount(); i < n; i++) {
                int id = p.protocolAt(i);
                if (id == frameId || id == malformedId) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(t.fieldById(id).abbrev());
            }
            t.push(frameNode);
            t.addString(FrameFields.PROTOCOLS, sb);
            t.close();
        }
        return length;
    }

    /** The frame item and its fields; returns the item. */
    private int frameFields(Packet p, Tree t, Frame f, long ts) {
        int captured = f.capturedLength();
        int frameNode = t.open(NetProtocols.FRAME.field(), 0, captured);
        String ifName = f.interfaceName();
        if (ifName != null) {
            // Wireshark shows the section and interface only for formats that describe interfaces (pcapng);
            // the readers do not count sections, so a second section's frames also read 1
            t.addUint(FrameFields.SECTION_NUMBER, 0, 0, 1);
            t.openUint(FrameFields.INTERFACE_ID, 0, 0, Integer.toUnsignedLong(f.interfaceId()));
            if (t.wants(FrameFields.INTERFACE_NAME)) {
                t.clearFlags(t.addString(FrameFields.INTERFACE_NAME, ifName), Tree.GENERATED);   // metadata, not computed
            }
            t.close();
        }
        String comment = f.comment();
        if (comment != null && t.wants(FrameFields.COMMENT)) {
            t.addString(FrameFields.COMMENT, comment);
        }
        t.addUint(FrameFields.ENCAP_TYPE, 0, 0, LinkType.wiresharkEncap(f.linkType()));
        t.addLong(FrameFields.TIME, 0, 0, ts);
        t.addGenerated(FrameFields.OFFSET_SHIFT, 0);
        t.addLong(FrameFields.TIME_EPOCH, 0, 0, ts);
        t.addGenerated(FrameFields.TIME_DELTA, ts - previousTimestamp);
        long displayed = p.engine().previousDisplayedTimestamp();
        t.addGenerated(FrameFields.TIME_DELTA_DISPLAYED, displayed == Long.MIN_VALUE ? 0 : ts - displayed);
        t.addGenerated(FrameFields.TIME_RELATIVE, ts - firstTimestamp);
        t.addUint(FrameFields.NUMBER, 0, 0, f.number());
        t.addUint(FrameFields.LEN, 0, 0, Integer.toUnsignedLong(f.originalLength()));
        t.addUint(FrameFields.CAP_LEN, 0, 0, captured);
        t.addGenerated(FrameFields.MARKED, 0);
        t.addGenerated(FrameFields.IGNORED, 0);
        t.close();
        return frameNode;
    }
}
