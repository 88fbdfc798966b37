package org.dissect4j.tunnel.socks;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * SOCKS 4, 4a (openssh.com's SOCKS4.protocol and SOCKS4A.protocol) and 5 (RFC 1928, username/password of RFC 1929)
 * on TCP, as Wireshark 4.0's {@code socks}: each handshake message is decoded by where the connection's handshake
 * stands ({@link SocksConnection}); after a granted request, the tunnelled bytes go to the {@code tcp.port}
 * dissector of the port asked for (then the {@code tcp} heuristics, then {@code data}), below SOCKS in the protocol
 * chain, with TCP's reassembly. The Info column is {@code Version: 4 Connect to server request},
 * {@code Version: 4 Connect Response}, {@code Version: 5}, or {@code Unknown} for a first byte that is no version.
 * Nothing is allocated per packet; the per-connection state is a few numbers.
 *
 * <pre>
 * SOCKS 4 request: VN(1)=4 CD(1) DSTPORT(2) DSTIP(4) USERID NUL [HOSTNAME NUL, 4a: DSTIP 0.0.0.x, x != 0]
 * SOCKS 4 reply:   VN(1)=0 CD(1) DSTPORT(2) DSTIP(4)
 * SOCKS 5:         VER NMETHODS METHODS / VER METHOD / [VER ULEN UNAME PLEN PASSWD / VER STATUS] /
 *                  VER CMD RSV ATYP DST.ADDR DST.PORT / VER REP RSV ATYP BND.ADDR BND.PORT
 * </pre>
 */
final class SocksDissector implements Dissector {
    private static final int V4_REQUEST_FIXED = 8;
    private static final int V4_REPLY_LENGTH = 8;
    /** SOCKS's CONNECT command, the one whose port the tunnel leads to. */
    static final int CONNECT = 1;

    private final Socks5Messages v5 = new Socks5Messages();
    private final SocksStream stream = new SocksStream();
    private final SocksConnection noConnection = new SocksConnection();
    private ConversationData<SocksConnection> perConnection;
    private DissectorTable tcpPorts;
    private HeuristicList tcpHeuristics;
    /** TCP's {@code tcp.payload}, shown in SOCKS's tree as Wireshark does; looked up once. */
    private Field tcpPayload;
    private boolean tcpFieldsLooked;

    void declare(Registrar r) {
        perConnection = r.conversationData("socks.connection", SocksConnection::new);
    }

    void wire(DissectorTable ports, HeuristicList heuristics) {
        this.tcpPorts = ports;
        this.tcpHeuristics = heuristics;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        SocksConnection c = perConnection == null ? null : perConnection.getOrCreate(p);
        if (c == null) {
            c = noConnection;       // no transport below (a unit test's direct call): each call stands alone
            c.reset();
        }
        if (c.clientPort < 0) {
            c.clientPort = p.srcPort();
        }
        boolean fromClient = p.srcPort() == c.clientPort;
        long frame = p.frame().number();
        c.replay(frame, p.visited());
        if (c.state == SocksConnection.DONE) {
            return tunnel(p, c, offset, length);
        }
        try {
            return handshake(p, c, fromClient, offset, length);
        } finally {
            c.settled(frame);
        }
    }

    /** A message of the handshake, or bytes that are no SOCKS version ("Unknown"). */
    private int handshake(Packet p, SocksConnection c, boolean fromClient, int offset, int length) {
        Tree t = p.tree();
        if (c.state == SocksConnection.NONE) {
            c.version = p.u8(offset);
        }
        if (c.version != 4 && c.version != 5) {
            if (p.columns()) {
                p.clearInfo().append("Unknown");
            }
            c.version = 0;
            t.open(SocksFields.SOCKS.field(), offset, length);
            t.close();
            return length;
        }
        if (p.columns()) {
            p.clearInfo().append("Version: ").append(c.version);
        }
        int depth = t.depth();
        try {
            if (c.version == 4) {
                v4(p, t, c, fromClient, offset, length);
            } else {
                v5.message(p, t, c, fromClient, offset, length);
            }
        } catch (PacketBoundsException e) {
            // Wireshark shows the exception beside SOCKS's tree, not in it
            t.unwindTo(depth);
            throw e;
        }
        return length;
    }

    /** SOCKS 4 and 4a: the client's request, then the server's reply; a tunnel follows. */
    private static void v4(Packet p, Tree t, SocksConnection c, boolean fromClient, int offset, int length) {
        t.open(SocksFields.SOCKS.field(), offset, length);
        if (c.state == SocksConnection.NONE && fromClient) {
            int user = offset + V4_REQUEST_FIXED;
            int userEnd = nul(p, user);
            boolean v4a = p.u16(offset + 4) == 0 && p.u8(offset + 6) == 0 && p.u8(offset + 7) != 0;
            int nameEnd = v4a ? nul(p, userEnd + 1) : -1;
            if (p.columns() && !p.visited()) {
                p.info().append(" Connect to server request");     // Wireshark writes it on the first pass only
            }
            c.command = p.u8(offset + 1);
            c.remotePort = c.command == CONNECT ? p.u16(offset + 2) : 0;
            c.addressType = SocksConnection.ADDRESS_V4;
            c.addressV4 = p.u32(offset);    // Wireshark keeps the request's first four bytes as the address
            c.state = SocksConnection.V4_REPLY;
            p.item(SocksFields.VERSION, offset);
            p.item(SocksFields.COMMAND, offset + 1);
            p.item(SocksFields.DSTPORT, offset + 2);
            p.item(SocksFields.DST, offset + 4);
            t.add(SocksFields.USERNAME, user, userEnd - user);
            if (v4a) {
                t.add(SocksFields.V4A_DNS_NAME, userEnd + 1, nameEnd - userEnd - 1);
            }
        } else if (c.state == SocksConnection.V4_REPLY && !fromClient) {
            p.require(offset, V4_REPLY_LENGTH);
            if (p.columns() && !p.visited()) {
                p.info().append(" Connect Response");
            }
            c.state = SocksConnection.DONE;
            p.item(SocksFields.VERSION, offset);
            p.item(SocksFields.RESULTS_4, offset + 1);
            p.item(SocksFields.DSTPORT, offset + 2);
            p.item(SocksFields.DST, offset + 4);
        }
        t.close();
    }

    /** The end of the NUL-terminated string at {@code at} (the NUL's offset); past the data it is malformed. */
    private static int nul(Packet p, int at) {
        int i = at;
        while (p.u8(i) != 0) {     // a checked read: the layer's end stops the walk
            i++;
        }
        return i;
    }

    /**
     * The tunnelled bytes: the negotiated values as generated items, TCP's payload line, then the hand-off to the
     * port asked for. (Wireshark's SOCKS runs TCP's reassembly itself and shows "TCP segment data" in its own tree;
     * here TCP's reassembly shows it in TCP's tree, once.)
     */
    private int tunnel(Packet p, SocksConnection c, int offset, int length) {
        Tree t = p.tree();
        if (p.columns()) {
            p.clearInfo().append("Version: ").append(c.version);
        }
        lookUpTcpFields(p);
        t.open(SocksFields.SOCKS.field(), offset, length);
        t.setFlags(t.addUint(SocksFields.VERSION, offset, 0, c.version), Tree.GENERATED);
        t.setFlags(t.addUint(SocksFields.COMMAND, offset, 0, c.command), Tree.GENERATED);
        if (c.addressType == SocksConnection.ADDRESS_V4) {
            t.setFlags(t.addUint(SocksFields.DST, offset, 0, c.addressV4), Tree.GENERATED);
        } else if (c.addressType == SocksConnection.ADDRESS_V6 && t.wants(SocksFields.DST_V6)) {
            t.setFlags(t.addBytes(SocksFields.DST_V6, c.addressV6Segment, 0, 16), Tree.GENERATED);
        }
        t.setFlags(t.addUint(SocksFields.DSTPORT, offset, 0, c.remotePort), Tree.GENERATED);
        StreamReassembly tcp = p.stream();
        boolean reassembled = tcp != null && tcp.isReassembled();
        if (tcpPayload != null) {
            if (reassembled) {
                frameSegment(t);
            } else {
                t.add(tcpPayload, offset, Math.min(length, p.captured(offset)));
            }
        }
        t.close();
        stream.askedAt = -1;
        if (tcp != null) {
            p.stream(stream.over(tcp));
        }
        try {
            handOff(p, c, offset, length);
        } finally {
            p.stream(tcp);
        }
        return length;
    }

    /**
     * On reassembled bytes, Wireshark's SOCKS (which runs TCP's reassembly itself) shows this frame's segment, not
     * the PDU: the bytes of TCP's own {@code tcp.payload} line of the frame, in the frame's data source.
     */
    private void frameSegment(Tree t) {
        int own = t.first(tcpPayload);
        if (own < 0) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(t.source(own));
        t.add(tcpPayload, t.offset(own), t.length(own));
        t.useSource(saved);
    }

    /**
     * The port's dissector, else the heuristics, else data; one that asked TCP for more has taken the bytes. A BIND
     * has port 0, which no dissector has: its bytes are data, as in Wireshark.
     */
    private void handOff(Packet p, SocksConnection c, int offset, int length) {
        if (tcpPorts != null && (p.callTable(tcpPorts, c.remotePort, offset, length) > 0 || stream.askedAt >= 0)) {
            return;
        }
        if (tcpHeuristics != null && (p.tryHeuristics(tcpHeuristics, offset, length) > 0 || stream.askedAt >= 0)) {
            return;
        }
        p.callData(offset, length);
    }

    private void lookUpTcpFields(Packet p) {
        if (!tcpFieldsLooked) {
            tcpFieldsLooked = true;
            tcpPayload = p.engine().findField("tcp.payload").orElse(null);
        }
    }
}
