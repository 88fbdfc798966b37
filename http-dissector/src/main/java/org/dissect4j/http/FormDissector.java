package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Wireshark's {@code urlencoded-form} ("HTML Form URL Encoded"): a "Form item" per {@code &}-separated pair, its
 * {@code urlencoded-form.key} (up to the first {@code =}) and {@code urlencoded-form.value} decoded as a browser sends
 * them ({@code +} is a space, {@code %XX} a byte; the bytes read as UTF-8), each item over its bytes on the wire.
 * A malformed escape ({@code %} without two hex digits) ends the form there, as in Wireshark. Info gets
 * {@code " (type)"}.
 */
final class FormDissector implements Dissector {
    /** A decoded key or value is at most its encoded length; the buffer grows to the longest seen. */
    private byte[] decoded = new byte[256];
    private int decodedLength;
    private final StringBuilder value = new StringBuilder(64);
    private final StringBuilder text = new StringBuilder(96);
    private final MediaTypeName type;

    FormDissector(MediaTypeName type) {
        this.type = type;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        int end = offset + Math.min(length, p.captured(offset));
        if (end <= offset) {
            return 0;
        }
        Tree t = p.tree();
        int node = t.open(BodyProtocols.FORM.field(), offset, end - offset);
        for (int at = offset; at < end; ) {
            int amp = AsciiScan.indexOf(p, at, end, '&');
            int pairEnd = amp < 0 ? end : amp;
            if (!pair(p, t, at, pairEnd)) {
                break;
            }
            at = pairEnd + 1;
        }
        t.close();
        if (node >= 0 && t.wantsLabels()) {
            text.setLength(0);
            t.setLabel(node, type.appendTo(text.append(BodyProtocols.FORM.name()).append(": ")));
        }
        if (p.columns()) {
            type.appendInfo(p.info(), HttpPlugin.FORM_TYPE);
        }
        return end - offset;
    }

    /** One "Form item"; false when an escape is malformed (the form ends there). */
    private boolean pair(Packet p, Tree t, int at, int pairEnd) {
        int item = t.open(BodyProtocols.FORM_ITEM, at, pairEnd - at);
        boolean labels = item >= 0 && t.wantsLabels();
        text.setLength(0);
        text.append("Form item");
        int keyEnd = decode(p, at, pairEnd, true);
        boolean ok = keyEnd >= 0;
        if (ok) {
            add(t, BodyProtocols.FORM_KEY, at, keyEnd - at);
            quoted(text.append(": \""));
            // a key without '=' has an empty value at the pair's end
            int from = Math.min(keyEnd + 1, pairEnd);
            int valueEnd = decode(p, from, pairEnd, false);
            ok = valueEnd >= 0;
            if (ok) {
                add(t, BodyProtocols.FORM_VALUE, from, valueEnd - from);
                quoted(text.append(" = \""));
            }
        }
        if (labels) {
            t.setLabel(item, text);
        }
        t.close();
        return ok;
    }

    /**
     * Decodes {@code [from, to)} into {@link #decoded}: a key stops at {@code =}. Returns where the encoded text
     * ends, or -1 on a malformed escape.
     */
    private int decode(Packet p, int from, int to, boolean key) {
        decodedLength = 0;
        if (decoded.length < to - from) {
            decoded = new byte[Math.max(to - from, decoded.length * 2)];    // once per longer text: amortised
        }
        int at = from;
        while (at < to) {
            int c = p.u8(at);
            if (c == '%') {
                int hi = at + 2 < to ? Character.digit(p.u8(at + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(p.u8(at + 2), 16) : -1;
                if (lo < 0) {
                    return -1;
                }
                decoded[decodedLength++] = (byte) (hi << 4 | lo);
                at += 3;
            } else if (c == '+') {
                decoded[decodedLength++] = ' ';
                at++;
            } else if (key && c == '=') {
                break;
            } else {
                decoded[decodedLength++] = (byte) c;
                at++;
            }
        }
        return at;
    }

    /** The decoded text as a string field, shown over its encoded bytes. */
    private void add(Tree t, Field f, int off, int len) {
        if (!t.wants(f)) {
            return;
        }
        value.setLength(0);
        Utf8Text.decode(decoded, decodedLength, value);
        int n = t.addString(f, value);
        t.clearFlags(n, Tree.GENERATED);       // a value on the wire, decoded: not one of Wireshark's [generated] items
        t.showAt(n, off, len);
    }

    /** The decoded bytes as Wireshark's format_text shows them, then the closing quote. */
    private void quoted(StringBuilder out) {
        for (int i = 0; i < decodedLength; i++) {
            HttpHeaders.appendEscaped(decoded[i] & 0xff, out);
        }
        out.append('"');
    }
}
