package org.dissect4j.capture;

import java.nio.charset.StandardCharsets;

/**
 * The contents of one pcapng Decryption Secrets Block (DSB, block type 0x0000000A), kept so
 * that dissectors can decrypt later (a TLS key log is what {@code editcap --inject-secrets tls,keys.txt}
 * embeds).
 *
 * <pre>
 *  0                   1                   2                   3
 *  +---------------------------------------------------------------+
 *  |                   Block Type = 0x0000000A                     |
 *  |                      Block Total Length                       |
 *  |                          Secrets Type                         |  type()
 *  |                         Secrets Length                        |
 *  /                          Secrets Data  (padded to 32 bits)    /  data()
 *  /                       Options (variable)                      /
 *  |                      Block Total Length                       |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>{@code type} is an open wire code: the constants below name the known ones, any other value
 * is kept as is. {@code data} is a private copy owned by this record (the record is created once
 * per block, never per packet); callers must not modify it.
 *
 * @param type secrets type, e.g. {@link #TLS_KEY_LOG}
 * @param data the secrets exactly as stored in the file (a TLS key log is NSS key log text)
 */
public record DecryptionSecrets(long type, byte[] data) {
    /** {@code TLSK}: NSS key log format (SSLKEYLOGFILE). */
    public static final long TLS_KEY_LOG = 0x544c534bL;
    /** {@code SSHK}: SSH key log. */
    public static final long SSH_KEY_LOG = 0x5353484bL;
    /** {@code WGKL}: WireGuard key log. */
    public static final long WIREGUARD_KEY_LOG = 0x57474b4cL;
    /** {@code ZNWK}: ZigBee network key. */
    public static final long ZIGBEE_NWK_KEY = 0x5a4e574bL;
    /** {@code ZAPS}: ZigBee APS key. */
    public static final long ZIGBEE_APS_KEY = 0x5a415053L;
    /** {@code UAKL}: OPC UA key log. */
    public static final long OPCUA_KEY_LOG = 0x55414b4cL;

    /**
     * A short name of a secrets type, for listings.
     *
     * @param type a secrets type code, e.g. {@link #TLS_KEY_LOG}
     * @return {@code tls}, {@code ssh}, {@code wg}, {@code zigbee-nwk}, {@code zigbee-aps} or
     *         {@code opcua} for the known types, else {@code 0x} and the code in (at least eight) hex digits
     */
    public static String typeName(long type) {
        if (type == TLS_KEY_LOG) {
            return "tls";
        } else if (type == SSH_KEY_LOG) {
            return "ssh";
        } else if (type == WIREGUARD_KEY_LOG) {
            return "wg";
        } else if (type == ZIGBEE_NWK_KEY) {
            return "zigbee-nwk";
        } else if (type == ZIGBEE_APS_KEY) {
            return "zigbee-aps";
        } else if (type == OPCUA_KEY_LOG) {
            return "opcua";
        }
        return String.format("0x%08x", type);
    }

    /**
     * The secrets as text (key logs are text). Decodes on every call.
     *
     * @return {@link #data()} decoded as UTF-8, malformed sequences replaced
     */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * A short description that leaves the secrets themselves out (logging a record shows no key).
     *
     * @return {@code DecryptionSecrets[}type name{@code , }length{@code  bytes]}
     */
    @Override
    public String toString() {
        return "DecryptionSecrets[" + typeName(type) + ", " + data.length + " bytes]";
    }
}
