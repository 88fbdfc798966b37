package org.dissect4j.tunnel.ppp;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * PAP, RFC 1334: Authenticate-Request (code 1) with a peer ID and password, Authenticate-Ack/Nak (2, 3)
 * with a message. Lengths are bytes of the packet, each checked by the reads.
 */
final class PapDissector implements Dissector {
    @Override
    public int dissect(Packet p, int off, int len) {
        int code = p.u8(off);
        boolean columns = p.columns();
        if (columns) {
            p.protocolColumn("PPP PAP");
            String name = PppFields.PAP_CODE.values().name(code);
            p.clearInfo().append(name == null ? "Unknown" : name);
        }
        Tree t = p.tree();
        t.open(PppPlugin.PAP.field(), off, Math.min(len, p.captured(off)));
        t.addUint(PppFields.PAP_CODE, off, 1, code);
        t.addUint(PppFields.PAP_IDENTIFIER, off + 1, 1, p.u8(off + 1));
        int length = p.u16(off + 2);
        t.addUint(PppFields.PAP_LENGTH, off + 2, 2, length);
        int at = off + 4;
        if (length > 4) {
            t.open(PppFields.PAP_DATA, at, Math.min(length - 4, p.captured(at)));
            if (code == 1) {
                int peer = p.u8(at);
                t.addUint(PppFields.PAP_PEER_ID_LENGTH, at, 1, peer);
                p.require(at + 1, peer);
                t.add(PppFields.PAP_PEER_ID, at + 1, peer);
                at += 1 + peer;
                int password = p.u8(at);
                t.addUint(PppFields.PAP_PASSWORD_LENGTH, at, 1, password);
                p.require(at + 1, password);
                t.add(PppFields.PAP_PASSWORD, at + 1, password);
                if (columns) {
                    text(p, p.info().append(" (Peer-ID='"), at - peer, peer).append("', Password='");
                    text(p, p.info(), at + 1, password).append("')");
                }
            } else if (code == 2 || code == 3) {
                int message = p.u8(at);
                t.addUint(PppFields.PAP_MESSAGE_LENGTH, at, 1, message);
                p.require(at + 1, message);
                t.add(PppFields.PAP_MESSAGE, at + 1, message);
                if (columns) {
                    text(p, p.info().append(" (Message='"), at + 1, message).append("')");
                }
            } else {
                t.add(PppFields.PAP_STUFF, at, Math.min(length - 4, p.captured(at)));
            }
            t.close();
        }
        t.close();
        return len;
    }

    /** Appends printable ASCII as it is and other bytes as {@code \ooo}, as Wireshark's format_text does. */
    private static StringBuilder text(Packet p, StringBuilder out, int at, int length) {
        for (int i = 0; i < length; i++) {
            int c = p.u8(at + i);
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7))).append((char) ('0' + (c & 7)));
            }
        }
        return out;
    }
}
