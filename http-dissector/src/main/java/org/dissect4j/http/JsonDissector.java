package org.dissect4j.http;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Wireshark's {@code json} ("JavaScript Object Notation") as tshark 4.0.17 draws a body: objects and arrays, each
 * member with its value, {@code json.key} and its {@code [Path]}, each primitive value (string unescaped, number as
 * written, true/false/null) with its {@code [Path with value]} and {@code [Member with value]}; array items have the
 * path {@code /name/[]}. Info gets {@code ", JavaScript Object Notation (type)"}, the Protocol column {@code HTTP/JSON}
 * (set by {@link HttpBody}). A body that does not start with an object or an array is not JSON (0 consumed). The
 * body is parsed once without recording anything: when its first value is not well-formed, tshark shows an empty
 * JSON item and the whole body as line-based text, and so does this; bytes after a well-formed value are line-based
 * text too. Nesting is bounded as tshark's parser bounds it (measured with tshark 4.0.17: 25 nested arrays parse,
 * 26 do not; 19 nested objects, not 20; 10 arrays of objects, not 11): an array costs {@link #ARRAY_COST}, an
 * object {@link #OBJECT_COST}, of {@link #NESTING_BUDGET}.
 */
final class JsonDissector implements Dissector {
    static final Field MEMBER = Field.define("json.member", "Member", FieldType.STRING).description("JSON object member").build();
    static final Field KEY = Field.define("json.key", "Key", FieldType.STRING).build();
    static final Field PATH = Field.define("json.path", "Path", FieldType.STRING).build();
    static final Field PATH_WITH_VALUE = Field.define("json.path_with_value", "Path with value", FieldType.STRING).build();
    static final Field MEMBER_WITH_VALUE = Field.define("json.member_with_value", "Member with value", FieldType.STRING).build();
    static final Field STRING = Field.define("json.value.string", "String value", FieldType.STRING)
            .description("JSON string value").build();
    static final Field NUMBER = Field.define("json.value.number", "Number value", FieldType.STRING)
            .description("JSON number value").build();
    static final Field FALSE = Field.define("json.value.false", "False value", FieldType.NONE).description("JSON false value").build();
    static final Field NULL = Field.define("json.value.null", "Null value", FieldType.NONE).description("JSON null value").build();
    static final Field TRUE = Field.define("json.value.true", "True value", FieldType.NONE).description("JSON true value").build();

    /** The nesting tshark's JSON parser takes (see the class comment); deeper input is not JSON there, nor here. */
    static final int NESTING_BUDGET = 76;
    static final int ARRAY_COST = 3;
    static final int OBJECT_COST = 4;

    private final MediaTypeName type;
    private final StringBuilder text = new StringBuilder(96);
    /** The path of the value being read ({@code /a/[]/b}), cut back on the way out. */
    private final StringBuilder path = new StringBuilder(128);
    /** The key of the member being read, unescaped. */
    private final StringBuilder key = new StringBuilder(64);
    /** The primitive value being read, unescaped ({@code [Member with value: key:value]}). */
    private final StringBuilder value = new StringBuilder(128);
    private DissectorHandle textLines;
    private Packet p;
    private Tree t;
    private int end;
    /** Where parsing is: the next byte to read. */
    private int at;
    /** Whether the items are recorded (something of json is wanted) or the body only measured. */
    private boolean record;

    JsonDissector(MediaTypeName type) {
        this.type = type;
    }

    /** Line-based text for what follows a syntax error. */
    void wire(DissectorHandle textLines) {
        this.textLines = textLines;
    }

    /** Every field under the protocol, for registration (with {@link BodyProtocols#JSON_OBJECT} and ARRAY). */
    static Field[] fields() {
        return new Field[] {BodyProtocols.JSON_OBJECT, BodyProtocols.JSON_ARRAY, MEMBER, KEY, PATH, PATH_WITH_VALUE,
            MEMBER_WITH_VALUE, STRING, NUMBER, FALSE, NULL, TRUE};
    }

    @Override
    public int dissect(Packet packet, int offset, int length) {
        p = packet;
        t = packet.tree();
        end = offset + Math.min(length, packet.captured(offset));
        at = skipSpace(offset);
        if (at >= end || p.u8(at) != '{' && p.u8(at) != '[') {
            return 0;
        }
        int first = at;
        record = false;                 // a dry run first: Wireshark shows nothing of a value that does not parse
        path.setLength(0);
        boolean ok = value(0, false);
        int stop = ok ? skipSpace(at) : offset;
        int node = t.open(BodyProtocols.JSON.field(), offset, stop - offset);
        if (ok) {
            record = t.wantsAnyOf(BodyProtocols.JSON) || t.wantsLabels();
            at = first;
            path.setLength(0);
            value(0, false);
        }
        t.close();
        if (node >= 0 && t.wantsLabels()) {
            text.setLength(0);
            t.setLabel(node, type.appendTo(text.append(BodyProtocols.JSON.name()).append(": ")));
        }
        if (p.columns()) {
            StringBuilder info = p.info();
            if (!info.isEmpty()) {
                info.append(", ");
            }
            type.appendTo(info.append("JavaScript Object Notation (")).append(')');
        }
        if (stop < end && textLines != null) {
            p.call(textLines, stop, end - stop);        // what Wireshark's parser did not take, labelled with the type
        }
        p = null;
        t = null;
        return end - offset;
    }

    /**
     * The value at {@link #at}: an object, an array, or a primitive; {@code item} when it is an array item (its
     * {@code [Path with value]} and {@code [Member with value]} name {@code []}). False on a syntax error.
     */
    private boolean value(int depth, boolean item) {
        // depth: the nesting cost of the containers around this value
        at = skipSpace(at);
        if (at >= end) {
            return false;
        }
        int c = p.u8(at);
        if (c == '{' || c == '[') {
            int cost = depth + (c == '{' ? OBJECT_COST : ARRAY_COST);
            return cost <= NESTING_BUDGET && (c == '{' ? object(cost) : array(cost));
        }
        int start = at;
        Field f;
        value.setLength(0);
        if (c == '"') {
            if (!string(value)) {
                return false;
            }
            f = STRING;
        } else if (c == '-' || c >= '0' && c <= '9') {
            number();
            f = NUMBER;
        } else if (literal("true")) {
            f = TRUE;
        } else if (literal("false")) {
            f = FALSE;
        } else if (literal("null")) {
            f = NULL;
        } else {
            return false;
        }
        if (record) {
            if (f != STRING && f != NUMBER) {
                value.append(f == TRUE ? "true" : f == FALSE ? "false" : "null");
            }
            text.setLength(0);
            generated(PATH_WITH_VALUE, text.append(path).append(':').append(value), start, at - start);
            text.setLength(0);
            generated(MEMBER_WITH_VALUE, text.append(item ? "[]" : key).append(':').append(value), start, at - start);
            if (f == STRING || f == NUMBER) {
                int n = t.addString(f, value);
                t.clearFlags(n, Tree.GENERATED);        // a value on the wire, unescaped
                t.showAt(n, start, at - start);
            } else {
                t.add(f, start, at - start);
            }
        }
        return true;
    }

    private boolean object(int depth) {
        int node = record ? t.open(BodyProtocols.JSON_OBJECT, at, 1) : -1;
        int start = at++;
        boolean ok = members(depth);
        if (record) {
            t.setLength(node, at - start);
            t.close();
        }
        return ok;
    }

    /** The members of an object after its '{', up to and past its '}'. */
    private boolean members(int depth) {
        at = skipSpace(at);
        if (at < end && p.u8(at) == '}') {
            at++;
            return true;
        }
        while (true) {
            at = skipSpace(at);
            if (at >= end || p.u8(at) != '"') {
                return false;
            }
            int memberStart = at;
            key.setLength(0);
            if (!string(key)) {
                return false;
            }
            int keyEnd = at;
            at = skipSpace(at);
            if (at >= end || p.u8(at) != ':') {
                return false;
            }
            at++;
            int pathLength = path.length();
            path.append('/').append(key);
            int member = record ? t.addString(MEMBER, key) : -1;
            if (record) {
                t.clearFlags(member, Tree.GENERATED);
                t.push(member);
            }
            // the key is read again: a value's own members overwrite it
            boolean ok = value(depth, false);
            if (record) {
                key.setLength(0);
                int save = at;
                at = memberStart;
                string(key);
                at = save;
                int k = t.addString(KEY, key);
                t.clearFlags(k, Tree.GENERATED);
                t.showAt(k, memberStart, keyEnd - memberStart);
                generated(PATH, path, memberStart, at - memberStart);
                t.showAt(member, memberStart, at - memberStart);
                t.close();
            }
            path.setLength(pathLength);
            if (!ok) {
                return false;
            }
            at = skipSpace(at);
            if (at >= end) {
                return false;
            }
            int c = p.u8(at++);
            if (c == '}') {
                return true;
            } else if (c != ',') {
                return false;
            }
        }
    }

    private boolean array(int depth) {
        int node = record ? t.open(BodyProtocols.JSON_ARRAY, at, 1) : -1;
        int start = at++;
        int pathLength = path.length();
        path.append("/[]");
        boolean ok = items(depth);
        path.setLength(pathLength);
        if (record) {
            t.setLength(node, at - start);
            t.close();
        }
        return ok;
    }

    /** The items of an array after its '[', up to and past its ']'. */
    private boolean items(int depth) {
        at = skipSpace(at);
        if (at < end && p.u8(at) == ']') {
            at++;
            return true;
        }
        while (true) {
            if (!value(depth, true)) {
                return false;
            }
            at = skipSpace(at);
            if (at >= end) {
                return false;
            }
            int c = p.u8(at++);
            if (c == ']') {
                return true;
            } else if (c != ',') {
                return false;
            }
        }
    }

    /** A string at {@link #at} (its opening quote), unescaped into {@code out}; false when it does not end. */
    private boolean string(StringBuilder out) {
        int i = at + 1;
        while (i < end) {
            int c = p.u8(i);
            if (c == '"') {
                at = i + 1;
                return true;
            }
            if (c != '\\') {
                i = utf8(i, out);
                continue;
            }
            if (i + 1 >= end) {
                return false;
            }
            int e = p.u8(i + 1);
            i += 2;
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int cp = hex4(i);
                    if (cp < 0) {
                        return false;
                    }
                    out.append((char) cp);      // a surrogate pair arrives as its two halves, in order
                    i += 4;
                }
                default -> out.append((char) e);   // \" \\ \/ and, leniently, any other
            }
        }
        return false;
    }

    /** One UTF-8 character at {@code i} into {@code out} (U+FFFD for a malformed one); where the next starts. */
    private int utf8(int i, StringBuilder out) {
        int c = p.u8(i);
        if (c < 0x80) {
            out.append((char) c);
            return i + 1;
        }
        int need = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        int cp = need == 1 ? c & 0x1F : need == 2 ? c & 0x0F : c & 0x07;
        int j = i + 1;
        for (int k = 0; k < need; k++, j++) {
            if (j >= end || (p.u8(j) & 0xC0) != 0x80) {
                out.append('\uFFFD');
                return i + 1;
            }
            cp = cp << 6 | (p.u8(j) & 0x3F);
        }
        if (need < 0 || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
            out.append('\uFFFD');
            return need < 0 ? i + 1 : j;
        }
        if (Character.isBmpCodePoint(cp)) {
            out.append((char) cp);
        } else {
            out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
        }
        return j;
    }

    private int hex4(int i) {
        if (i + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(p.u8(i + k), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A number as written (its characters into {@link #value}). */
    private void number() {
        while (at < end) {
            int c = p.u8(at);
            if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
                break;
            }
            value.append((char) c);
            at++;
        }
    }

    private boolean literal(String word) {
        if (end - at < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (p.u8(at + i) != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    /** A generated string item over {@code [off, off + len)}. */
    private void generated(Field f, CharSequence s, int off, int len) {
        t.showAt(t.addString(f, s), off, len);
    }

    private int skipSpace(int i) {
        while (i < end) {
            int c = p.u8(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            i++;
        }
        return i;
    }
}
