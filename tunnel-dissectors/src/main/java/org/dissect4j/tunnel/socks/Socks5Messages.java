package org.dissect4j.tunnel.socks;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * SOCKS 5's handshake messages (RFC 1928, RFC 1929), each decoded by the state the connection is in: the client's
 * greeting and the server's choice of method, the username/password sub-negotiation, the request and the reply.
 * A request's address is checked whole before anything is shown, as Wireshark reads it before its tree.
 */
final class Socks5Messages {
    private static final int ADDRESS_AT = 4;
    private static final int IPV4 = 1, DOMAIN = 3, IPV6 = 4;
    private static final int USER_PASS = 2;
    private static final int UDP_ASSOCIATE = 3;

    /** The message at {@code offset}: SOCKS's item, opened here after what must be read before it. */
    void message(Packet p, Tree t, SocksConnection c, boolean fromClient, int offset, int length) {
        if (c.state == SocksConnection.V5_REQUEST && fromClient || c.state == SocksConnection.V5_REPLY && !fromClient) {
            // Wireshark reads the whole request before it shows anything (one cut short shows no tree), on the first
            // pass before its Info text, on a second pass after it
            if (!p.visited()) {
                requestLength(p, offset);
            }
            if (p.columns()) {
                int command = fromClient ? p.u8(offset + 1) : c.command;
                p.info().append(fromClient ? " Command Request - " : " Command Response - ")
                        .append(SocksFields.COMMANDS.name(command, "Unknown"));
            }
            requestLength(p, offset);
        }
        t.open(SocksFields.SOCKS.field(), offset, length);
        switch (c.state) {
            case SocksConnection.NONE -> {
                if (fromClient) {
                    info(p, " Connect to server request");
                    greeting(p, t, c, offset);
                }
            }
            case SocksConnection.V5_METHOD -> {
                if (!fromClient) {
                    info(p, " Connect to server response");
                    c.state = p.u8(offset + 1) == USER_PASS ? SocksConnection.V5_USERPASS : SocksConnection.V5_REQUEST;
                    p.item(SocksFields.VERSION, offset);
                    p.item(SocksFields.AUTH_ACCEPTED_METHOD, offset + 1);
                }
            }
            case SocksConnection.V5_USERPASS -> {
                if (fromClient) {
                    info(p, " User authentication request");
                    userPass(p, t, c, offset);
                }
            }
            case SocksConnection.V5_USERPASS_REPLY -> {
                if (!fromClient) {
                    info(p, " User authentication reply");
                    p.require(offset, 2);
                    c.state = SocksConnection.V5_REQUEST;
                    t.setFlags(t.addUint(SocksFields.VERSION, offset, 0, c.version), Tree.GENERATED);
                    p.item(SocksFields.SUBNEGOTIATION_VERSION, offset);
                    p.item(SocksFields.AUTH_STATUS, offset + 1);
                }
            }
            case SocksConnection.V5_REQUEST -> {
                if (fromClient) {
                    request(p, t, c, offset, true);
                }
            }
            case SocksConnection.V5_REPLY -> {
                if (!fromClient) {
                    request(p, t, c, offset, false);
                }
            }
            default -> {
                // after a UDP ASSOCIATE the TCP connection only keeps the association: nothing to decode
            }
        }
        t.close();
    }

    /** Wireshark's Info text of a handshake message, after {@code Version: 5}. */
    private static void info(Packet p, String what) {
        if (p.columns()) {
            p.info().append(what);
        }
    }

    /** The length of the request or reply at {@code offset}, checked to be there (else the read throws). */
    private static int requestLength(Packet p, int offset) {
        int type = p.u8(offset + 3);
        int addressLength = switch (type) {
            case IPV4 -> 4;
            case DOMAIN -> 1 + p.u8(offset + ADDRESS_AT);
            case IPV6 -> 16;
            default -> 0;
        };
        int length = ADDRESS_AT + addressLength + 2;
        p.require(offset, length);
        return length;
    }

    /** VER NMETHODS METHODS: the methods under "Client Authentication Methods". */
    private static void greeting(Packet p, Tree t, SocksConnection c, int offset) {
        c.state = SocksConnection.V5_METHOD;
        p.item(SocksFields.VERSION, offset);
        int count = p.u8(offset + 1);
        t.open(SocksFields.METHODS, offset + 1, 1 + count);
        p.item(SocksFields.AUTH_METHOD_COUNT, offset + 1);
        for (int i = 0; i < count; i++) {
            p.item(SocksFields.AUTH_METHOD, offset + 2 + i);
        }
        t.close();
    }

    /** RFC 1929: VER ULEN UNAME PLEN PASSWD. */
    private static void userPass(Packet p, Tree t, SocksConnection c, int offset) {
        int userLength = p.u8(offset + 1);
        int passAt = offset + 2 + userLength;
        int passLength = p.u8(passAt);
        p.require(passAt + 1, passLength);
        c.state = SocksConnection.V5_USERPASS_REPLY;
        t.setFlags(t.addUint(SocksFields.VERSION, offset, 0, c.version), Tree.GENERATED);
        p.item(SocksFields.SUBNEGOTIATION_VERSION, offset);
        t.add(SocksFields.USERNAME, offset + 2, userLength);
        t.add(SocksFields.PASSWORD, passAt + 1, passLength);
    }

    /** VER CMD/REP RSV ATYP ADDR PORT: the client's request or the server's reply. */
    private static void request(Packet p, Tree t, SocksConnection c, int offset, boolean fromClient) {
        int type = p.u8(offset + 3);
        int portAt = offset + requestLength(p, offset) - 2;
        int addressLength = portAt - offset - ADDRESS_AT;
        if (fromClient) {
            c.command = p.u8(offset + 1);
            c.remotePort = c.command == SocksDissector.CONNECT ? p.u16(portAt) : 0;
            c.addressType = type == IPV4 ? SocksConnection.ADDRESS_V4 : type == IPV6 ? SocksConnection.ADDRESS_V6
                    : SocksConnection.ADDRESS_NONE;
            if (type == IPV4) {
                c.addressV4 = p.u32(offset + ADDRESS_AT);
            } else if (type == IPV6) {
                for (int i = 0; i < 16; i++) {
                    c.addressV6[i] = (byte) Bytes.u8(p.segment(), p.base() + offset + ADDRESS_AT + i);
                }
            }
            c.state = SocksConnection.V5_REPLY;
        } else {
            c.state = c.command == UDP_ASSOCIATE ? SocksConnection.DONE_UDP : SocksConnection.DONE;
        }
        p.item(SocksFields.VERSION, offset);
        p.item(fromClient ? SocksFields.COMMAND : SocksFields.RESULTS_5, offset + 1);
        p.item(SocksFields.RESERVED, offset + 2);
        p.item(SocksFields.ADDRESS_TYPE, offset + 3);
        switch (type) {
            case IPV4 -> p.item(SocksFields.DST, offset + ADDRESS_AT);
            case DOMAIN -> t.add(SocksFields.REMOTE_NAME, offset + ADDRESS_AT + 1, addressLength - 1);
            case IPV6 -> t.add(SocksFields.DST_V6, offset + ADDRESS_AT, 16);
            default -> {
            }
        }
        p.item(SocksFields.PORT, portAt);
    }
}
