package org.dissect4j.tunnel.socks;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.TreeView;
import org.dissect4j.api.ValueNames;

/**
 * Fields of SOCKS 4, 4a and 5 (Wireshark's packet-socks.c): abbreviations, names, types and value names as tshark
 * 4.0.17's {@code -G fields} and {@code -G values} list them. {@code socks.results} is registered twice, as in
 * Wireshark: "Results(V4)" with SOCKS 4's reply codes and "Results(V5)" with SOCKS 5's.
 */
public final class SocksFields {
    /** The protocol: "Socks Protocol" in the tree, "Socks" in the Protocol column. */
    public static final Protocol SOCKS = new Protocol("Socks Protocol", "Socks", "socks");

    static final ValueNames COMMANDS = ValueNames.of(1, "Connect", 2, "Bind", 3, "UdpAssociate", 128, "Ping", 129, "Traceroute");
    static final ValueNames RESULTS_V4 = ValueNames.of(90, "Granted", 91, "Rejected or Failed",
            92, "Rejected because SOCKS server cannot connect to identd on the client",
            93, "Rejected because the client program and identd report different user-ids");
    static final ValueNames RESULTS_V5 = ValueNames.of(0, "Succeeded", 1, "General SOCKS server failure",
            2, "Connection not allowed by ruleset", 3, "Network unreachable", 4, "Host unreachable", 5, "Connection refused",
            6, "TTL expired", 7, "Command not supported", 8, "Address type not supported");
    static final ValueNames ADDRESS_TYPES = ValueNames.of(1, "IPv4", 3, "Domain Name", 4, "IPv6");

    static final Field VERSION = Field.define("socks.version", "Version", FieldType.UINT8).build();
    static final Field DST = Field.define("socks.dst", "Remote Address", FieldType.IPv4).build();
    static final Field DST_V6 = Field.define("socks.dstV6", "Remote Address(ipv6)", FieldType.IPv6).build();
    static final Field V4A_DNS_NAME = Field.define("socks.v4a_dns_name", "SOCKS v4a Remote Domain Name", FieldType.STRINGZ)
            .build();
    static final Field DSTPORT = Field.define("socks.dstport", "Remote Port", FieldType.UINT16).build();
    static final Field COMMAND = Field.define("socks.command", "Command", FieldType.UINT8).values(COMMANDS).build();
    static final Field RESULTS_4 = Field.define("socks.results", "Results(V4)", FieldType.UINT8).values(RESULTS_V4).build();
    static final Field RESULTS_5 = Field.define("socks.results", "Results(V5)", FieldType.UINT8).values(RESULTS_V5).build();
    static final Field AUTH_METHOD_COUNT = Field.define("socks.auth_method_count", "Authentication Method Count",
            FieldType.UINT8).build();
    static final Field AUTH_METHOD = Field.define("socks.auth_method", "Method", FieldType.UINT8)
            .labeler(SocksFields::method).build();
    static final Field RESERVED = Field.define("socks.reserved", "Reserved", FieldType.UINT8).build();
    static final Field PORT = Field.define("socks.port", "Port", FieldType.UINT16).build();
    static final Field AUTH_ACCEPTED_METHOD = Field.define("socks.auth_accepted_method", "Accepted Auth Method",
            FieldType.UINT8).labeler(SocksFields::acceptedMethod).build();
    static final Field AUTH_STATUS = Field.define("socks.auth_status", "Status", FieldType.UINT8)
            .labeler(SocksFields::authStatus).build();
    static final Field SUBNEGOTIATION_VERSION = Field.define("socks.subnegotiation_version", "Subnegotiation Version",
            FieldType.UINT8).build();
    static final Field USERNAME = Field.define("socks.username", "User name", FieldType.STRING).build();
    static final Field PASSWORD = Field.define("socks.password", "Password", FieldType.STRING).build();
    static final Field REMOTE_NAME = Field.define("socks.remote_name", "Remote name", FieldType.STRING).build();
    static final Field ADDRESS_TYPE = Field.define("socks.address_type", "Address Type", FieldType.UINT8)
            .values(ADDRESS_TYPES).build();
    /** The text item over a greeting's methods. */
    static final Field METHODS = Field.text("Client Authentication Methods");

    private SocksFields() {
    }

    /** Every field, for registration. */
    static Field[] all() {
        return new Field[] {VERSION, DST, DST_V6, V4A_DNS_NAME, DSTPORT, COMMAND, RESULTS_4, RESULTS_5, AUTH_METHOD_COUNT,
            AUTH_METHOD, RESERVED, PORT, AUTH_ACCEPTED_METHOD, AUTH_STATUS, SUBNEGOTIATION_VERSION, USERNAME, PASSWORD,
            REMOTE_NAME, ADDRESS_TYPE, METHODS};
    }

    /** RFC 1928's method numbers as Wireshark names them. */
    static String methodName(long m) {
        if (m == 0) {
            return "No authentication";
        } else if (m == 1) {
            return "GSSAPI";
        } else if (m == 2) {
            return "Username/Password";
        } else if (m == 3) {
            return "Chap";
        } else if (m <= 0x7f) {
            return "IANA assigned";
        } else if (m <= 0xfe) {
            return "private method";
        }
        return "no acceptable method";
    }

    /** {@code Method[1]: 2 (Username/Password)}: the index among the greeting's methods, the number, its name. */
    private static void method(TreeView t, int n, StringBuilder out) {
        int index = 0;
        for (int m = t.first(AUTH_METHOD); m >= 0 && m < n; m = t.next(m)) {
            if (t.parent(m) == t.parent(n)) {
                index++;
            }
        }
        long v = t.value(n);
        out.append("Method[").append(index).append("]: ").append(v).append(" (").append(methodName(v)).append(')');
    }

    /** {@code Accepted Auth Method: 0x2 (Username/Password)}. */
    private static void acceptedMethod(TreeView t, int n, StringBuilder out) {
        long v = t.value(n);
        out.append(AUTH_ACCEPTED_METHOD.name()).append(": 0x").append(Long.toHexString(v)).append(" (")
                .append(methodName(v)).append(')');
    }

    /** {@code Status: 0 (success)}: RFC 1929's status, any value but 0 is a failure. */
    private static void authStatus(TreeView t, int n, StringBuilder out) {
        long v = t.value(n);
        out.append(AUTH_STATUS.name()).append(": ").append(v).append(v == 0 ? " (success)" : " (failure)");
    }
}
