package org.dissect4j.dns;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * SVCB and HTTPS records (RFC 9460): priority, target name, then SvcParams, each in its item whose {@code -V}
 * line Wireshark 4.0 writes in presentation form: {@code SvcParam: alpn=h2,h3}, {@code port=443},
 * {@code ipv4hint=192.0.2.1,192.0.2.2}, {@code echconfig=BASE64}, {@code key7=text}. The line is composed only
 * when an output shows labels, in a reused builder.
 */
final class DnsSvcb {
    static final int MANDATORY = 0, ALPN = 1, NO_ALPN = 2, PORT = 3, IPV4HINT = 4, ECHCONFIG = 5, IPV6HINT = 6,
            ODOHCONFIG = 32769;
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final DnsRecords records;
    private final StringBuilder label = new StringBuilder(256);
    private final StringBuilder value = new StringBuilder(256);

    DnsSvcb(DnsRecords records) {
        this.records = records;
    }

    void dissect(Packet p, Tree t, int at, int len, int msg) {
        p.item(DnsFields.SVCB_SVCPRIORITY, at);
        int used = records.names.decode(p, at + 2, msg);
        records.name(t, DnsFields.SVCB_TARGETNAME, at + 2, used);
        int c = at + 2 + used;
        while (len > c - at) {
            c = param(p, t, c);
        }
    }

    /** One SvcParam at {@code c}; returns where the next starts. */
    private int param(Packet p, Tree t, int c) {
        int start = c;
        int item = t.open(DnsFields.SVCB_SVCPARAM, c, 4);
        StringBuilder l = item >= 0 && t.wantsLabels() ? label : null;
        try {
            int key = (int) p.item(DnsFields.SVCB_SVCPARAM_KEY, c);
            int n = (int) p.item(DnsFields.SVCB_SVCPARAM_VALUE_LENGTH, c + 2);
            c += 4;
            if (l != null) {
                l.setLength(0);
                l.append("SvcParam: ");
                keyName(key, l);
            }
            c = value(p, t, c, key, n, l);
            t.setLength(item, c - start);
            return c;
        } finally {
            if (l != null) {
                t.setLabel(item, l);
            }
            t.close();
        }
    }

    /** The value of a SvcParam, appended to {@code l} (when not null) after {@code =}; returns its end. */
    private int value(Packet p, Tree t, int c, int key, int n, StringBuilder l) {
        switch (key) {
            case MANDATORY -> {
                for (int i = 0; i < n; i += 2) {
                    if (l != null) {
                        keyName(p.u16(c), l.append(i == 0 ? '=' : ','));
                    }
                    p.item(DnsFields.SVCB_SVCPARAM_MANDATORY_KEY, c);
                    c += 2;
                }
            }
            case ALPN -> {
                for (int i = 0; i < n; ) {
                    int len = (int) p.item(DnsFields.SVCB_SVCPARAM_ALPN_LENGTH, c);
                    c++;
                    records.string(p, DnsFields.SVCB_SVCPARAM_ALPN, c, len);
                    if (l != null) {
                        DnsRecords.asciiText(p, c, DnsRecords.untilNul(p, c, len), l.append(i == 0 ? '=' : ','));
                    }
                    c += len;
                    i += 1 + len;
                }
            }
            case NO_ALPN -> {
            }
            case PORT -> {
                long port = p.item(DnsFields.SVCB_SVCPARAM_PORT, c);
                if (l != null) {
                    l.append('=').append(port);
                }
                c += 2;
            }
            case IPV4HINT -> {
                for (int i = 0; i < n; i += 4) {
                    long a = p.item(DnsFields.SVCB_SVCPARAM_IPV4HINT_IP, c);
                    if (l != null) {
                        DnsRecords.ipv4(a, l.append(i == 0 ? '=' : ','));
                    }
                    c += 4;
                }
            }
            case IPV6HINT -> {
                for (int i = 0; i < n; i += 16) {
                    DnsRecords.bytes(p, DnsFields.SVCB_SVCPARAM_IPV6HINT_IP, c, 16);
                    if (l != null) {
                        DnsRecords.ipv6(p, c, l.append(i == 0 ? '=' : ','));
                    }
                    c += 16;
                }
            }
            case ECHCONFIG, ODOHCONFIG -> c = base64(p, t, c, n, key, l);
            default -> {
                if (n > 0) {
                    DnsRecords.bytes(p, DnsFields.SVCB_SVCPARAM_VALUE, c, n);
                    if (l != null) {
                        DnsNames.format(p, c, n, records.scratch, l.append('='));
                    }
                    c += n;
                }
            }
        }
        return c;
    }

    /** ECHConfig and ODoHConfig: bytes shown in base64, on their own line and on the SvcParam's. */
    private int base64(Packet p, Tree t, int c, int n, int key, StringBuilder l) {
        boolean ech = key == ECHCONFIG;
        int node = DnsRecords.bytes(p, ech ? DnsFields.SVCB_SVCPARAM_ECHCONFIG : DnsFields.SVCB_SVCPARAM_ODOHCONFIG, c, n);
        if (l != null) {
            value.setLength(0);
            base64(p, c, n, value);
            l.append('=').append(value);
            value.insert(0, ech ? "ECHConfig: " : "ODoHConfig: ");
            t.setLabel(node, value);
        }
        return c + n;
    }

    /** Wireshark's key names ({@code alpn}), {@code key65535} style for the others. */
    private static void keyName(int key, StringBuilder out) {
        String name = DnsFields.SVCB_SVCPARAM_KEY_VALUES.name(key);
        if (name != null) {
            out.append(name);
        } else {
            out.append("key").append(key);
        }
    }

    private static void base64(Packet p, int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i += 3) {
            int b0 = p.u8(at + i);
            int b1 = i + 1 < n ? p.u8(at + i + 1) : 0;
            int b2 = i + 2 < n ? p.u8(at + i + 2) : 0;
            int w = b0 << 16 | b1 << 8 | b2;
            out.append(BASE64.charAt(w >> 18 & 63)).append(BASE64.charAt(w >> 12 & 63));
            out.append(i + 1 < n ? BASE64.charAt(w >> 6 & 63) : '=');
            out.append(i + 2 < n ? BASE64.charAt(w & 63) : '=');
        }
    }
}
