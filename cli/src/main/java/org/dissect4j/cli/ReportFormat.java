package org.dissect4j.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.AddressText;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Small helpers shared by the statistics and reports ({@code -z conv}, {@code -z expert},
 * {@code -z flow}, {@code --flow}, {@code --handshakes}): C {@code printf} number formatting,
 * padding, addresses, and reading fields by name without depending on protocol modules.
 */
final class ReportFormat {
    private ReportFormat() {
    }

    /**
     * {@code printf("%.Nf", v)} as glibc prints it: the exact binary value of the double rounded
     * half-even (Java's {@code String.format} rounds the shortest decimal form half-up, which
     * differs on values such as 0.00015).
     */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        // glibc keeps the sign of a negative value that rounds to zero ("-0.0000")
        if (v < 0 && s.charAt(0) != '-') {
            s = "-" + s;
        }
        return s;
    }

    /** Wireshark's {@code nstime_to_sec}: seconds and nanoseconds each converted to double, then added. */
    static double seconds(long nanos) {
        long secs = nanos / 1_000_000_000L;
        long ns = nanos % 1_000_000_000L;
        return (double) secs + (double) ns / 1_000_000_000.0;
    }

    /** Right-aligns {@code s} in {@code width} ({@code %Ns}). */
    static void padLeft(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    /** Left-aligns {@code s} in {@code width} ({@code %-Ns}). */
    static void padRight(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
    }

    /**
     * Wireshark's {@code format_size(size, FORMAT_SIZE_UNIT_BYTES | FORMAT_SIZE_PREFIX_SI)}:
     * {@code 1649 bytes}, {@code 17 kB} (integer division, a prefix once the value reaches 10 units).
     */
    static String size(long bytes) {
        long p = 1000;
        if (bytes / p / p / p / p >= 10) {
            return bytes / p / p / p / p + " TB";
        } else if (bytes / p / p / p >= 10) {
            return bytes / p / p / p + " GB";
        } else if (bytes / p / p >= 10) {
            return bytes / p / p + " MB";
        } else if (bytes / p >= 10) {
            return bytes / p + " kB";
        }
        return bytes + " bytes";
    }

    /** An IPv4 (4 bytes) or IPv6 (16 bytes) address as text. */
    static String ip(byte[] a, int len) {
        return len == 4 ? AddressText.ipv4(new StringBuilder(15), a).toString() : AddressText.ipv6(a);
    }

    /** Wants every field registered under {@code name} (there may be none); returns their ids, possibly empty. */
    static int[] want(Engine engine, String name) {
        List<Field> fs = engine.fields(name);
        int[] ids = new int[fs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = fs.get(i).id();
            engine.tree().want(ids[i]);
        }
        return ids;
    }

    /** Both id arrays in one (e.g. the ids of {@code icmp} and {@code icmpv6}). */
    static int[] concat(int[] x, int[] y) {
        int[] r = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    /** First occurrence of any of {@code ids} (lowest node index), or -1. */
    static int first(Tree t, int[] ids) {
        int best = -1;
        for (int id : ids) {
            int n = t.first(id);
            if (n >= 0 && (best < 0 || n < best)) {
                best = n;
            }
        }
        return best;
    }

    /** The occurrence of {@code ids} that follows node {@code after} most closely, or -1. */
    static int firstAfter(Tree t, int[] ids, int after) {
        int best = -1;
        for (int id : ids) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                if (n > after) {
                    if (best < 0 || n < best) {
                        best = n;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** The last occurrence of {@code ids} before node {@code before}, or -1. */
    static int lastBefore(Tree t, int[] ids, int before) {
        int best = -1;
        for (int id : ids) {
            for (int n = t.first(id); n >= 0 && n < before; n = t.next(n)) {
                if (n > best) {
                    best = n;
                }
            }
        }
        return best;
    }

    /** The value of the first occurrence of {@code ids}, or {@code dflt}. */
    static long value(Tree t, int[] ids, long dflt) {
        int n = first(t, ids);
        return n >= 0 ? t.value(n) : dflt;
    }

    /**
     * Whether {@code node} lies inside a subtree rooted at one of {@code protocolIds} (e.g. the
     * datagram an ICMP error quotes, which Wireshark's taps do not count). The protocol fields must
     * be wanted for their nodes to exist.
     */
    static boolean inside(Tree t, int node, int[] protocolIds) {
        for (int p = t.parent(node), guard = 0; p >= 0 && guard < 256; p = t.parent(p), guard++) {
            int f = t.fieldId(p);
            for (int id : protocolIds) {
                if (f == id) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies the bytes of an address node (IPv6, Ethernet) into {@code dst}; returns the length copied. */
    static int bytes(Tree t, int node, byte[] dst) {
        int len = Math.min(dst.length, t.length(node));
        for (int i = 0; i < len; i++) {
            dst[i] = (byte) t.byteAt(node, i);
        }
        return len;
    }

    /** Writes an IPv4 node's value (stored as an unsigned 32-bit number) into {@code dst} as 4 bytes. */
    static void ipv4Bytes(long v, byte[] dst) {
        dst[0] = (byte) (v >>> 24);
        dst[1] = (byte) (v >>> 16);
        dst[2] = (byte) (v >>> 8);
        dst[3] = (byte) v;
    }

    /** The network source ({@code src}) or destination address of the packet, as text. */
    static String netAddress(Packet p, boolean src) {
        int len = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        return ip(src ? p.netSrc() : p.netDst(), len);
    }

    /** Escapes text for XML/SVG content and attributes. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Escapes text for a JSON string (without the quotes). */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
