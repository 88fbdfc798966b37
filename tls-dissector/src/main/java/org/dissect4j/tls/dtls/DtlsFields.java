package org.dissect4j.tls.dtls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dissect4j.api.Base;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;
import org.dissect4j.tls.TlsHandshakeCode;
import org.dissect4j.tls.TlsNames;

/**
 * The fields of DTLS, Wireshark 4.0's names ({@code tshark -G fields}): those of its own (epoch, sequence number,
 * the longer handshake header, the cookie, fragment reassembly) and the twins of TLS's: Wireshark registers its
 * common handshake fields twice, {@code tls.*} and {@code dtls.*} ({@code SSL_COMMON_HF_LIST}); here each TLS field
 * whose {@code dtls.*} name is in {@code dtls-common-fields.txt} (made from tshark's list) gets a copy under that
 * name, and {@link #ALIASES} maps every TLS field id to its twin's (or to {@link Tree#DROPPED} when Wireshark's DTLS
 * has no such field: JA4, our resumption and certificate summaries), so TLS's handshake code records DTLS fields.
 */
public final class DtlsFields {
    private DtlsFields() {
    }

    /** {@code dtls}: Datagram Transport Layer Security. */
    public static final Protocol DTLS = new Protocol("Datagram Transport Layer Security", "DTLS", "dtls");

    /** The TLS field ids mapped to their DTLS twins' (see {@link Tree#alias}). */
    static final int[] ALIASES;
    private static final Map<String, Field> TWINS = new HashMap<>();
    private static final List<Field> TWIN_LIST = new ArrayList<>();

    static {
        Set<String> names = commonNames();
        Field[] tls = TlsHandshakeCode.fields();
        int max = 0;
        for (Field f : tls) {
            max = Math.max(max, f.id());
        }
        ALIASES = new int[max + 1];
        for (int i = 0; i < ALIASES.length; i++) {
            ALIASES[i] = i;
        }
        for (Field f : tls) {
            if (f.isText()) {
                continue;       // a text item (an extension's line, a list's count) has no name to twin: kept as it is
            }
            String name = "d" + f.abbrev();
            if (!names.contains(name)) {
                ALIASES[f.id()] = Tree.DROPPED;
                continue;
            }
            Field twin = copy(f, name);
            TlsHandshakeCode.twin(f, twin);
            TWINS.putIfAbsent(name, twin);
            TWIN_LIST.add(twin);
            ALIASES[f.id()] = twin.id();
        }
    }

    // ---- record layer (twins, and DTLS's own) -------------------------------------------------------
    public static final Field RECORD = twin("dtls.record");
    public static final Field CONTENT_TYPE = twin("dtls.record.content_type");
    public static final Field RECORD_VERSION = twin("dtls.record.version");
    public static final Field EPOCH = Field.define("dtls.record.epoch", "Epoch", FieldType.UINT16).build();
    public static final Field SEQUENCE_NUMBER = Field.define("dtls.record.sequence_number", "Sequence Number",
            FieldType.UINT64).build();
    public static final Field RECORD_LENGTH = twin("dtls.record.length");
    public static final Field SPECIAL_TYPE = Field.define("dtls.record.special_type", "Special Type", FieldType.UINT8)
            .values(TlsNames.CONTENT_TYPES).build();
    public static final Field ENCRYPTED_CONTENT = Field.define("dtls.enc_content", "Encrypted Record Content",
            FieldType.BYTES).build();
    public static final Field APP_DATA = twin("dtls.app_data");
    public static final Field APP_DATA_PROTO = twin("dtls.app_data_proto");
    public static final Field CHANGE_CIPHER_SPEC = twin("dtls.change_cipher_spec");
    public static final Field ALERT = twin("dtls.alert_message");
    public static final Field ALERT_LEVEL = twin("dtls.alert_message.level");
    public static final Field ALERT_DESC = twin("dtls.alert_message.desc");
    public static final Field HEARTBEAT = twin("dtls.heartbeat_message");
    public static final Field HEARTBEAT_TYPE = twin("dtls.heartbeat_message.type");
    public static final Field HEARTBEAT_PAYLOAD_LENGTH = twin("dtls.heartbeat_message.payload_length");
    public static final Field HEARTBEAT_PAYLOAD = twin("dtls.heartbeat_message.payload");
    public static final Field HEARTBEAT_PADDING = twin("dtls.heartbeat_message.padding");

    // ---- handshake header ---------------------------------------------------------------------------
    public static final Field HANDSHAKE = twin("dtls.handshake");
    public static final Field HS_TYPE = Field.define("dtls.handshake.type", "Handshake Type", FieldType.UINT8)
            .values(TlsNames.HANDSHAKE_TYPES).build();
    public static final Field HS_LENGTH = twin("dtls.handshake.length");
    public static final Field MESSAGE_SEQ = Field.define("dtls.handshake.message_seq", "Message Sequence",
            FieldType.UINT16).build();
    public static final Field FRAGMENT_OFFSET = Field.define("dtls.handshake.fragment_offset", "Fragment Offset",
            FieldType.UINT24).build();
    public static final Field FRAGMENT_LENGTH = Field.define("dtls.handshake.fragment_length", "Fragment Length",
            FieldType.UINT24).build();
    public static final Field HS_VERSION = twin("dtls.handshake.version");
    public static final Field COOKIE_LENGTH = Field.define("dtls.handshake.cookie_length", "Cookie Length",
            FieldType.UINT8).build();
    public static final Field COOKIE = Field.define("dtls.handshake.cookie", "Cookie", FieldType.BYTES).build();

    // ---- use_srtp (RFC 5764) ------------------------------------------------------------------------
    public static final Field SRTP_PROFILES_LENGTH = Field.define("dtls.use_srtp.protection_profiles_length",
            "SRTP Protection Profiles Length", FieldType.UINT16).build();
    public static final Field SRTP_PROFILE = Field.define("dtls.use_srtp.protection_profile", "SRTP Protection Profile",
            FieldType.UINT16).base(Base.HEX).values(ValueNames.of(0x1, "SRTP_AES128_CM_HMAC_SHA1_80",
                    0x2, "SRTP_AES128_CM_HMAC_SHA1_32", 0x5, "SRTP_NULL_HMAC_SHA1_80", 0x6, "SRTP_NULL_HMAC_SHA1_32",
                    0x7, "SRTP_AEAD_AES_128_GCM", 0x8, "SRTP_AEAD_AES_256_GCM")).build();
    public static final Field SRTP_MKI_LENGTH = Field.define("dtls.use_srtp.mki_length", "MKI Length", FieldType.UINT8).build();
    public static final Field SRTP_MKI = Field.define("dtls.use_srtp.mki", "MKI", FieldType.BYTES).build();

    // ---- fragment reassembly ------------------------------------------------------------------------
    public static final Field FRAGMENTS = Field.define("dtls.fragments", "Message fragments", FieldType.NONE).build();
    public static final Field FRAGMENT = Field.define("dtls.fragment", "Message fragment", FieldType.FRAMENUM).build();
    public static final Field FRAGMENT_COUNT = Field.define("dtls.fragment.count", "Message fragment count",
            FieldType.UINT32).build();
    public static final Field REASSEMBLED_LENGTH = Field.define("dtls.reassembled.length", "Reassembled DTLS length",
            FieldType.UINT32).base(Base.DEC).build();

    /**
     * Every DTLS field to register: DTLS's own, then the twins of TLS's.
     *
     * @return a new array
     */
    static Field[] all() {
        List<Field> all = new ArrayList<>(List.of(EPOCH, SEQUENCE_NUMBER, SPECIAL_TYPE, ENCRYPTED_CONTENT, HS_TYPE, MESSAGE_SEQ, FRAGMENT_OFFSET,
                FRAGMENT_LENGTH, COOKIE_LENGTH, COOKIE, SRTP_PROFILES_LENGTH, SRTP_PROFILE, SRTP_MKI_LENGTH, SRTP_MKI, FRAGMENTS, FRAGMENT, FRAGMENT_COUNT, REASSEMBLED_LENGTH));
        for (Field f : TWIN_LIST) {
            if (!f.abbrev().equals("dtls.handshake.type")) {
                all.add(f);
            }
        }
        return all.toArray(new Field[0]);
    }

    /** The twin named {@code name} (a name of {@code dtls-common-fields.txt}). */
    private static Field twin(String name) {
        Field f = TWINS.get(name);
        if (f == null) {
            throw new IllegalStateException("no TLS field for " + name);
        }
        return f;
    }

    private static Field copy(Field f, String name) {
        Field.Builder b = Field.define(name, f.name(), f.type()).base(f.base()).description(f.description())
                .trueFalse(f.trueName(), f.falseName());
        if (f.bitmask() != 0) {
            b.mask(f.bitmask(), f.bitWidth());
        }
        if (f.values() != null) {
            b.values(f.values());
        }
        if (f.hidden()) {
            b.hidden();
        }
        if (f.allowZero()) {
            b.allowZero();
        }
        if (f.wholePacket()) {
            b.wholePacket();
        }
        if (f.labeler() != null) {
            b.labeler(f.labeler());
        }
        return b.build();
    }

    private static Set<String> commonNames() {
        Set<String> names = new HashSet<>();
        try (InputStream in = DtlsFields.class.getResourceAsStream("dtls-common-fields.txt")) {
            if (in == null) {
                throw new IllegalStateException("dtls-common-fields.txt missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** For tests: the TLS field id aliased to {@code id}'s DTLS twin. */
    static int aliasOf(int tlsId) {
        return tlsId < ALIASES.length ? ALIASES[tlsId] : tlsId;
    }

    static {
        // dtls.handshake.type: Wireshark's DTLS names it "Handshake Type" (TLS's SSL 2.0 twin is "Handshake Message
        // Type"); both TLS fields record as the one above.
        for (Field f : TlsHandshakeCode.fields()) {
            if (f.abbrev().equals("tls.handshake.type")) {
                ALIASES[f.id()] = HS_TYPE.id();
            }
        }
    }
}
