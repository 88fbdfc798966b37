package org.dissect4j.example.mqtt;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.StreamPdus;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * MQTT 3.1, 3.1.1 and 5.0 over a byte stream, Wireshark's {@code dissect_mqtt_data}: the stream is split into
 * control packets with {@link StreamPdus} (Wireshark's {@code tcp_dissect_pdus}), asking TCP for more data when
 * a packet continues in a later segment, and every packet is dissected on its own, so that a malformed one
 * does not hide the ones after it.
 *
 * <pre>
 * Fixed header (every packet)                 MQTT 5.0 §2.1, MQTT 3.1.1 §2.2
 *   byte 1      type (4 bits) | flags (4 bits: DUP, QoS (2), RETAIN for PUBLISH)
 *   byte 2..5   Remaining Length, a Variable Byte Integer (1..4 bytes, see {@link VarInt})
 * Variable header and payload, by type, e.g. PUBLISH:
 *   u16 topic length | topic | [u16 packet identifier if QoS &gt; 0] | [5.0: properties] | message
 * </pre>
 *
 * <p>What a packet means depends on the protocol version its connection's CONNECT announced (MQTT 5.0 adds
 * properties and reason codes), so the version is remembered per TCP connection ({@link MqttConversations}).
 * The Info column reads as tshark's: "Publish Message (id=3) [topic]", several packets of one segment joined
 * with ", ".
 *
 * <p>Nothing is allocated per packet: fields are recorded as offsets into the packet, the Info text is
 * appended to the packet's reused builder, and conversation state is allocated once per connection.
 */
final class MqttDissector implements Dissector, StreamPdus.Framing {
    /** Type byte and the first byte of the Remaining Length: what {@link StreamPdus} needs before it asks for the length. */
    static final int FIXED_LENGTH = 2;
    private static final int QOS_MASK = 0x06;
    private static final int CONNECT_WILL_FLAG = 0x04, CONNECT_USER_NAME = 0x80, CONNECT_PASSWORD = 0x40;
    private static final int MEDIA_KEY_MAX = 128;

    private final MqttConversations conversations;
    private final boolean showMessageAsText;
    /** Splits the stream into control packets, each dissected in a window of its own. */
    private final StreamPdus pdus = new StreamPdus(FIXED_LENGTH, this);
    private DissectorHandle self;
    private DissectorTable mediaTypes;
    private HeuristicList topicHeuristics;

    // Per packet (reused): the connection's state, the Remaining Length as pduLength decoded it, what the
    // properties said.
    private MqttConversations.Conversation conversation;
    private long decodedLength;
    private final MqttProperties properties;
    private final byte[] mediaKey = new byte[MEDIA_KEY_MAX];
    private final MediaTypeCache mediaCache = new MediaTypeCache();

    /**
     * @param defaultVersion        the version assumed for connections whose CONNECT was not seen (0: unknown)
     * @param showMessageAsText     {@code mqtt.msg_text}/{@code mqtt.willmsg_text} instead of the byte fields
     * @param decodePropertyLength  show {@code mqtt.property_len} decoded (newer Wireshark) instead of tshark 4.0's
     *                              big-endian reading of its bytes
     */
    MqttDissector(int defaultVersion, boolean showMessageAsText, boolean decodePropertyLength) {
        this.conversations = new MqttConversations(defaultVersion);
        this.showMessageAsText = showMessageAsText;
        this.properties = new MqttProperties(decodePropertyLength);
    }

    /** Phase 1 of registration: the per-connection state. */
    void declare(Registrar r) {
        conversations.declare(r);
    }

    /** Phase 2 of registration: the registered {@code mqtt} handle, the {@code media_type} table and {@code mqtt.topic} list. */
    void wire(DissectorHandle self, DissectorTable mediaTypes, HeuristicList topicHeuristics) {
        this.self = self;
        this.mediaTypes = mediaTypes;
        this.topicHeuristics = topicHeuristics;
    }

    // ---- entry points ---------------------------------------------------------------------------------

    @Override
    public int dissect(Packet p, int offset, int length) {
        if (p.columns()) {
            p.clearInfo();
        }
        conversation = conversations.get(p);
        return pdus.dissect(p, offset, length);
    }

    /**
     * The {@code mqtt_tcp} heuristic: a CONNECT packet (type 1, flags 0) whose protocol name and level are
     * "MQTT" 4 or 5, or "MQIsdp" 3. It claims the connection, so the broker's answers (which it could not
     * recognise) are MQTT too. A CONNECT cut before its protocol level asks TCP for one more segment.
     */
    int heuristic(Packet p, int offset, int length) {
        int available = Math.min(length, p.captured(offset));
        int verdict = connectPrefix(p.segment(), p.base() + offset, available);
        if (verdict == NOT_MQTT) {
            return 0;
        }
        StreamReassembly stream = p.stream();
        if (verdict == NEED_MORE) {
            if (stream != null && stream.canDesegment()) {
                stream.needMore(offset, StreamReassembly.ONE_MORE_SEGMENT);
            }
            return 0;
        }
        if (stream != null && self != null) {
            stream.claim(self);
        }
        return dissect(p, offset, length);
    }

    static final int NOT_MQTT = 0, NEED_MORE = 1, CONNECT = 2;
    private static final byte[] MQTT_NAME = {0, 4, 'M', 'Q', 'T', 'T'};
    private static final byte[] MQISDP_NAME = {0, 6, 'M', 'Q', 'I', 's', 'd', 'p'};

    /** Whether {@code available} bytes at {@code at} start an MQTT CONNECT: {@link #CONNECT}, {@link #NEED_MORE} or {@link #NOT_MQTT}. */
    static int connectPrefix(MemorySegment seg, long at, int available) {
        if (available < 1 || Bytes.u8(seg, at) != 0x10) {
            return NOT_MQTT;
        }
        long len = VarInt.decode(seg, at + 1, Math.min(available - 1, VarInt.MAX_BYTES));
        if (len == VarInt.MALFORMED) {
            return NOT_MQTT;
        }
        if (len == VarInt.INCOMPLETE) {
            return available >= 4 ? NEED_MORE : NOT_MQTT;
        }
        int n = VarInt.length(len);
        // the smallest CONNECT: name "MQTT" (6), level, flags, keep alive (2), client id length (2)
        if (VarInt.value(len) < 12) {
            return NOT_MQTT;
        }
        long name = at + 1 + n;
        int seen = available - 1 - n;
        int verdict = matches(seg, name, seen, MQTT_NAME, 4, 5);
        if (verdict == NOT_MQTT) {
            verdict = matches(seg, name, seen, MQISDP_NAME, 3, 3);
        }
        if (verdict == NEED_MORE && available < 4) {
            return NOT_MQTT;
        }
        return verdict;
    }

    private static int matches(MemorySegment seg, long at, int seen, byte[] name, int minLevel, int maxLevel) {
        for (int i = 0; i < name.length; i++) {
            if (i >= seen) {
                return NEED_MORE;
            }
            if (seg.get(Bytes.U8, at + i) != name[i]) {
                return NOT_MQTT;
            }
        }
        if (seen < name.length + 2) {
            return NEED_MORE;
        }
        int level = Bytes.u8(seg, at + name.length);
        int flags = Bytes.u8(seg, at + name.length + 1);
        return level >= minLevel && level <= maxLevel && (flags & 0x01) == 0 ? CONNECT : NOT_MQTT;
    }

    // ---- framing (StreamPdus.Framing) ------------------------------------------------------------------

    /** Decodes the Remaining Length, the only time it is decoded: {@link #dissectPdu} shows what this kept. */
    @Override
    public int pduLength(Packet p, int offset, int available) {
        long len = VarInt.decode(p.segment(), p.base() + offset + 1, Math.min(available - 1, VarInt.MAX_BYTES));
        decodedLength = len;
        if (len == VarInt.INCOMPLETE) {
            // The length continues in the next segment: ask for it, or (no reassembly) dissect what there is,
            // which ends inside the header: the packet is longer than the data, so the cut shows as truncated.
            StreamReassembly stream = p.stream();
            return stream != null && stream.canDesegment() ? 0 : available + 1;
        }
        if (len == VarInt.MALFORMED) {
            return available;    // the framing is lost: the rest of the data is this (malformed) packet
        }
        return 1 + VarInt.length(len) + VarInt.value(len);
    }

    // ---- one control packet ---------------------------------------------------------------------------

    /** One control packet of {@code reportedLength} bytes, in its own window (a bounds exception ends only this packet). */
    @Override
    public int dissectPdu(Packet p, int at, int reportedLength, int capturedLength) {
        long decoded = decodedLength;
        Tree t = p.tree();
        int first = p.u8(at);
        int type = first >>> 4;
        MqttConversations.Conversation conv = conversation;
        if (p.columns()) {
            StringBuilder info = p.info();
            if (!info.isEmpty()) {
                info.append(", ");
            }
            info.append(MqttPacketType.name(type));
        }
        int len = p.reportedEnd() - at;
        t.setValue(t.open(MqttFields.MQTT.field(), at, len), type);
        if (type != MqttPacketType.CONNECT && conv.version == 0) {
            t.expert(MqttFields.UNKNOWN_VERSION, at, len);
        }
        fixedHeaderFlags(t, at, first, type, conv.version);

        if (decoded == VarInt.INCOMPLETE) {
            // the data ends inside the Remaining Length: the read past it marks the cut
            p.require(at + 1, capturedLength);
        }
        if (decoded == VarInt.MALFORMED) {
            p.markMalformed(at + 1);
            t.close();
            return reportedLength;
        }
        int n = VarInt.length(decoded);
        int remaining = VarInt.value(decoded);
        t.addUint(MqttFields.LEN, at + 1, n, remaining);
        int off = at + 1 + n;
        int end = at + reportedLength;
        properties.reset();

        switch (type) {
            case MqttPacketType.CONNECT -> connect(p, t, off, conv);
            case MqttPacketType.CONNACK -> connack(p, t, off, conv.version);
            case MqttPacketType.PUBLISH -> publish(p, t, off, end, first, conv);
            case MqttPacketType.SUBSCRIBE -> subscribe(p, t, off, end, conv.version);
            case MqttPacketType.UNSUBSCRIBE -> unsubscribe(p, t, off, end, conv.version);
            case MqttPacketType.SUBACK -> suback(p, t, off, end, conv.version);
            case MqttPacketType.PUBACK, MqttPacketType.PUBREC, MqttPacketType.PUBREL, MqttPacketType.PUBCOMP -> {
                off = messageId(p, t, off);
                // MQTT 5.0 §3.4.2.1: reason code and properties may be left out (Remaining Length 2, or 3).
                if (conv.version == 5 && remaining > 2) {
                    reasonCode(p, t, off, type);
                    if (remaining > 3) {
                        properties.dissect(p, t, off + 1, MqttFields.PROPERTIES);
                    }
                }
            }
            case MqttPacketType.UNSUBACK -> {
                off = messageId(p, t, off);
                if (conv.version == 5) {
                    off += properties.dissect(p, t, off, MqttFields.PROPERTIES);
                    while (off < end) {
                        reasonCode(p, t, off, type);
                        off++;
                    }
                }
            }
            case MqttPacketType.DISCONNECT, MqttPacketType.AUTH -> {
                // MQTT 5.0 §3.14.2.1, §3.15.2.1: Remaining Length 0 means reason 0 and no properties.
                if (conv.version == 5 && remaining > 0) {
                    reasonCode(p, t, off, type);
                    if (remaining >= 2) {
                        properties.dissect(p, t, off + 1, MqttFields.PROPERTIES);
                    }
                }
            }
            default -> {
                // PINGREQ, PINGRESP and the reserved type 0 have no variable header.
            }
        }
        t.close();
        return reportedLength;
    }

    private static void fixedHeaderFlags(Tree t, int at, int first, int type, int version) {
        t.openUint(MqttFields.HDRFLAGS, at, 1, first);
        t.addUint(MqttFields.MSGTYPE, at, 1, first);
        if (type == MqttPacketType.PUBLISH) {
            t.addUint(MqttFields.DUPFLAG, at, 1, first);
            t.addUint(MqttFields.QOS_LEVEL, at, 1, first);
            t.addUint(MqttFields.RETAIN, at, 1, first);
        } else if (version == 3 && (type == MqttPacketType.PUBREL || type == MqttPacketType.SUBSCRIBE
                || type == MqttPacketType.UNSUBSCRIBE)) {
            // MQTT 3.1 gave these packets DUP and QoS bits
            t.addUint(MqttFields.DUPFLAG, at, 1, first);
            t.addUint(MqttFields.QOS_LEVEL, at, 1, first);
            t.addUint(MqttFields.RETAIN_RESERVED, at, 1, first);
        } else {
            t.addUint(MqttFields.HDR_RESERVED, at, 1, first);
        }
        t.close();
    }

    // ---- packet types ---------------------------------------------------------------------------------

    /** CONNECT, MQTT 5.0 §3.1: protocol name and level, flags, keep alive, [properties], then the payload fields the flags announce. */
    private void connect(Packet p, Tree t, int off, MqttConversations.Conversation conv) {
        off = MqttProperties.lengthAndString(p, t, off, MqttFields.PROTO_LEN, MqttFields.PROTONAME);
        int version = p.u8(off);
        conv.version = version;
        t.addUint(MqttFields.VER, off, 1, version);
        off++;
        int flags = p.u8(off);
        t.openUint(MqttFields.CONFLAGS, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_UNAME, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_PASSWD, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_RETAIN, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_QOS, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_WILLFLAG, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_CLEANSESS, off, 1, flags);
        t.addUint(MqttFields.CONFLAG_RESERVED, off, 1, flags);
        t.close();
        off++;
        t.addUint(MqttFields.KALIVE, off, 2, p.u16(off));
        off += 2;
        if (version == 5) {
            off += properties.dissect(p, t, off, MqttFields.PROPERTIES);
        }
        off = MqttProperties.lengthAndString(p, t, off, MqttFields.CLIENTID_LEN, MqttFields.CLIENTID);
        if ((flags & CONNECT_WILL_FLAG) != 0) {
            if (version == 5) {
                off += properties.dissect(p, t, off, MqttFields.WILL_PROPERTIES);
            }
            int topicLen = p.u16(off);
            t.addUint(MqttFields.WILLTOPIC_LEN, off, 2, topicLen);
            if (topicLen > 0) {
                p.require(off + 2, topicLen);
                t.add(MqttFields.WILLTOPIC, off + 2, topicLen);
            } else {
                t.expert(MqttFields.ILLEGAL_TOPIC_LENGTH, off, 2);
            }
            off += 2 + topicLen;
            off = MqttProperties.lengthAndString(p, t, off, MqttFields.WILLMSG_LEN,
                    showMessageAsText ? MqttFields.WILLMSG_TEXT : MqttFields.WILLMSG);
        }
        if ((flags & CONNECT_USER_NAME) != 0 && p.remaining(off) > 0) {
            off = MqttProperties.lengthAndString(p, t, off, MqttFields.USERNAME_LEN, MqttFields.USERNAME);
        }
        if ((flags & CONNECT_PASSWORD) != 0 && p.remaining(off) > 0) {
            MqttProperties.lengthAndString(p, t, off, MqttFields.PASSWD_LEN, MqttFields.PASSWD);
        }
    }

    /** CONNACK, MQTT 5.0 §3.2 (3.1: a reserved byte; 3.1.1: session present; 5.0: reason code and properties). */
    private void connack(Packet p, Tree t, int off, int version) {
        int flags = p.u8(off);
        if (version == 3) {
            t.addUint(MqttFields.CONACK_RESERVED_V31, off, 1, flags);
        } else {
            t.openUint(MqttFields.CONACK_FLAGS, off, 1, flags);
            t.addUint(MqttFields.CONACK_FLAGS_RESERVED, off, 1, flags);
            t.addUint(MqttFields.CONACK_FLAGS_SP, off, 1, flags);
            t.close();
        }
        off++;
        if (version == 3 || version == 4) {
            t.addUint(MqttFields.CONACK_VAL, off, 1, p.u8(off));
        } else {
            reasonCode(p, t, off, MqttPacketType.CONNACK);
        }
        off++;
        if (version == 5) {
            properties.dissect(p, t, off, MqttFields.PROPERTIES);
        }
    }

    /** PUBLISH, MQTT 5.0 §3.3: topic, packet identifier when QoS &gt; 0, [properties], message. */
    private void publish(Packet p, Tree t, int off, int end, int first, MqttConversations.Conversation conv) {
        int topicLen = p.u16(off);
        int topicLenAt = off;
        t.addUint(MqttFields.TOPIC_LEN, off, 2, topicLen);
        off += 2;
        int topicAt = off;
        if (topicLen > 0) {
            p.require(off, topicLen);
            t.add(MqttFields.TOPIC, off, topicLen);
            off += topicLen;
        }
        if ((first & QOS_MASK) != 0) {
            off = messageId(p, t, off);
        }
        // What the Info column shows as the topic: the topic, or the one an alias stands for.
        MemorySegment topicSeg = p.segment();
        long topicBase = p.base() + topicAt;
        int topicShown = topicLen;
        if (conv.version == 5) {
            off += properties.dissect(p, t, off, MqttFields.PROPERTIES);
            int alias = properties.topicAlias;
            if (alias != 0) {
                if (!p.visited() && topicLen > 0) {
                    conv.defineAlias(alias, topicSeg, topicBase, topicLen);
                } else {
                    int slot = conv.aliasSlot(alias);
                    if (slot >= 0) {
                        topicSeg = conv.aliasSegment(slot);
                        topicBase = 0;
                        topicShown = conv.aliasLength(slot);
                    }
                    // Wireshark adds the topic the alias stands for as a generated mqtt.topic
                    t.addBytes(MqttFields.TOPIC, topicSeg, topicBase, topicShown);
                    if (slot < 0) {
                        t.expert(MqttFields.UNKNOWN_TOPIC_ALIAS, off, 0);
                    }
                }
            }
        }
        if (topicLen == 0 && properties.topicAlias == 0) {
            t.expert(MqttFields.ILLEGAL_TOPIC_LENGTH, topicLenAt, 2);
        }
        if (p.columns()) {
            StringBuilder info = p.info().append(" [");
            Utf8.append(info, topicSeg, topicBase, topicShown);
            info.append(']');
        }
        int messageLen = end - off;
        p.require(off, messageLen);     // a negative length (properties longer than the packet) is malformed
        t.add(showMessageAsText ? MqttFields.MSG_TEXT : MqttFields.MSG, off, messageLen);
        payload(p, off, messageLen);
    }

    /** The message goes to the {@code media_type} table when a Content Type property names it, else to {@code mqtt.topic} heuristics. */
    private void payload(Packet p, int off, int len) {
        boolean handled = false;
        if (properties.contentTypeOffset >= 0 && mediaTypes != null) {
            DissectorHandle h = mediaHandle(p);
            handled = h != null && p.callPayload(p.source(), h, off, len) > 0;
        }
        if (!handled && topicHeuristics != null) {
            for (int i = 0, n = topicHeuristics.size(); i < n && !handled; i++) {
                HeuristicList.Entry e = topicHeuristics.entry(i);
                handled = e.enabled() && p.callPayload(p.source(), e.handle(), off, len) > 0;
            }
        }
    }

    private DissectorHandle mediaHandle(Packet p) {
        int n = Math.min(properties.contentTypeLength, MEDIA_KEY_MAX);
        for (int i = 0; i < n; i++) {
            int c = p.u8(properties.contentTypeOffset + i);
            // media_type keys are lower case (Wireshark's table is case-insensitive)
            mediaKey[i] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return mediaCache.lookup(mediaTypes, mediaKey, n);
    }

    /** SUBSCRIBE, MQTT 5.0 §3.8: packet identifier, [properties], then topic filters with their QoS or options. */
    private void subscribe(Packet p, Tree t, int off, int end, int version) {
        off = messageId(p, t, off);
        if (version == 5) {
            off += properties.dissect(p, t, off, MqttFields.PROPERTIES);
        }
        // Like Wireshark, a zero-length filter repeats the previous filter's name in the Info column.
        int shownAt = -1;
        int shownLen = 0;
        while (off < end) {
            int topicLen = p.u16(off);
            t.addUint(MqttFields.TOPIC_LEN, off, 2, topicLen);
            if (topicLen > 0) {
                p.require(off + 2, topicLen);
                t.add(MqttFields.TOPIC, off + 2, topicLen);
                shownAt = off + 2;
                shownLen = topicLen;
            } else {
                t.expert(MqttFields.ILLEGAL_TOPIC_LENGTH, off, 2);
            }
            off += 2 + topicLen;
            if (p.columns()) {
                StringBuilder info = p.info().append(" [");
                if (shownAt >= 0) {
                    Utf8.append(info, p.segment(), p.base() + shownAt, shownLen);
                }
                info.append(']');
            }
            int options = p.u8(off);
            if (version == 5) {
                t.openUint(MqttFields.SUBSCRIPTION_OPTIONS, off, 1, options);
                t.addUint(MqttFields.SUBSCRIPTION_RESERVED, off, 1, options);
                t.addUint(MqttFields.SUBSCRIPTION_RETAIN, off, 1, options);
                t.addUint(MqttFields.SUBSCRIPTION_RAP, off, 1, options);
                t.addUint(MqttFields.SUBSCRIPTION_NL, off, 1, options);
                t.addUint(MqttFields.SUBSCRIPTION_QOS, off, 1, options);
                t.close();
            } else {
                t.addUint(MqttFields.SUB_QOS, off, 1, options);
            }
            off++;
        }
    }

    /** UNSUBSCRIBE, MQTT 5.0 §3.10: packet identifier, [properties], topic filters. */
    private void unsubscribe(Packet p, Tree t, int off, int end, int version) {
        off = messageId(p, t, off);
        if (version == 5) {
            off += properties.dissect(p, t, off, MqttFields.PROPERTIES);
        }
        while (off < end) {
            int topicLen = p.u16(off);
            t.addUint(MqttFields.TOPIC_LEN, off, 2, topicLen);
            if (topicLen > 0) {
                p.require(off + 2, topicLen);
                t.add(MqttFields.TOPIC, off + 2, topicLen);
            } else {
                t.expert(MqttFields.ILLEGAL_TOPIC_LENGTH, off, 2);
            }
            off += 2 + topicLen;
        }
    }

    /** SUBACK, MQTT 5.0 §3.9: packet identifier, [properties], one granted QoS (3.x) or reason code (5.0) per filter. */
    private void suback(Packet p, Tree t, int off, int end, int version) {
        off = messageId(p, t, off);
        if (version == 5) {
            off += properties.dissect(p, t, off, MqttFields.PROPERTIES);
        }
        while (off < end) {
            if (version == 3 || version == 4) {
                t.addUint(MqttFields.SUBACK_QOS, off, 1, p.u8(off));
            } else {
                reasonCode(p, t, off, MqttPacketType.SUBACK);
            }
            off++;
        }
    }

    /** The 2-byte packet identifier, and " (id=N)" in the Info column. */
    private static int messageId(Packet p, Tree t, int off) {
        int id = p.u16(off);
        t.addUint(MqttFields.MSGID, off, 2, id);
        if (p.columns()) {
            p.info().append(" (id=").append(id).append(')');
        }
        return off + 2;
    }

    private static void reasonCode(Packet p, Tree t, int off, int type) {
        Field f = MqttFields.REASON_CODE_BY_TYPE[type];
        if (f != null) {
            t.addUint(f, off, 1, p.u8(off));
        }
    }
}
