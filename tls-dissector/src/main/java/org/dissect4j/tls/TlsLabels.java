package org.dissect4j.tls;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of TLS items that Wireshark's packet-tls.c and packet-tls-utils.c compose by hand: the record
 * ({@code TLSv1.2 Record Layer: Handshake Protocol: Client Hello}), the handshake message, the counted lists
 * ({@code Cipher Suites (4 suites)}), an extension's subtree ({@code Extension: server_name (len=16)}) and a key
 * share entry. They read the values the dissector recorded (a record's node holds the version its line names, a
 * handshake's node 1 for a HelloRetryRequest) and run only when an output prints labels.
 */
final class TlsLabels {
    private TlsLabels() {
    }

    /** {@code TLSv1.2 Record Layer: Handshake Protocol: Server Hello}, by what the record holds. */
    static void record(TreeView t, int n, StringBuilder out) {
        out.append(TlsWire.shortName((int) t.value(n), "SSL")).append(" Record Layer: ");
        if (t.value(n) == TlsWire.SSLV2) {
            // SSL 2.0: the message's name, or Encrypted Data when its type was not read
            int type = child(t, n, TlsFields.SSL2_MSG_TYPE);
            out.append(type < 0 ? "Encrypted Data" : TlsNames.SSL2_MSG_TYPES.name((int) t.value(type), "Encrypted Data"));
            return;
        }
        int handshakes = 0;
        int firstHandshake = -1;
        for (int m = n + 1; m < t.size() && t.parent(m) >= n; m++) {
            if (t.parent(m) != n) {
                continue;
            }
            Field f = t.field(m);
            if (f == TlsFields.HANDSHAKE) {
                if (handshakes++ == 0) {
                    firstHandshake = m;
                }
            } else if (f == TlsFields.CHANGE_CIPHER_SPEC) {
                out.append("Change Cipher Spec Protocol: Change Cipher Spec");
                return;
            } else if (f == TlsFields.ALERT) {
                alertSummary(t, m, out);
                return;
            } else if (f == TlsFields.APP_DATA) {
                int app = sibling(t, m, TlsFields.APP_DATA_PROTO);
                out.append("Application Data Protocol: ");
                if (app >= 0) {
                    t.text(app, out);
                } else {
                    out.append("Application Data");
                }
                return;
            } else if (f == TlsFields.HEARTBEAT) {
                heartbeatSummary(t, m, out);
                return;
            }
        }
        if (handshakes > 1 || handshakes == 1 && (t.value(firstHandshake) & 0xff) == CONTINUED_FRAGMENT) {
            // Wireshark names a record that continues a message so too, even when that is all it holds
            out.append("Handshake Protocol: Multiple Handshake Messages");
        } else if (handshakes == 1) {
            out.append("Handshake Protocol: ");
            handshakeName(t, firstHandshake, out);
        } else {
            out.setLength(out.length() - 2);
        }
    }

    /** {@code Heartbeat Request}, or {@code Encrypted Heartbeat} when its type could not be read. */
    private static void heartbeatSummary(TreeView t, int heartbeat, StringBuilder out) {
        int type = child(t, heartbeat, TlsFields.HEARTBEAT_TYPE);
        if (type < 0) {
            out.append("Encrypted Heartbeat");
            return;
        }
        out.append("Heartbeat ").append(TlsNames.HEARTBEAT_TYPES.name((int) t.value(type), "Unknown"));
    }

    /** {@code Alert (Level: Fatal, Description: Unknown CA)}, or {@code Encrypted Alert}. */
    private static void alertSummary(TreeView t, int alert, StringBuilder out) {
        int level = child(t, alert, TlsFields.ALERT_LEVEL);
        int desc = child(t, alert, TlsFields.ALERT_DESC);
        if (level < 0 || desc < 0) {
            out.append("Encrypted Alert");
            return;
        }
        out.append("Alert (Level: ").append(TlsNames.ALERT_LEVELS.name((int) t.value(level), "Unknown"))
                .append(", Description: ").append(TlsNames.ALERT_DESCRIPTIONS.name((int) t.value(desc), "Unknown")).append(')');
    }

    /** {@code Alert Message}, or {@code Alert Message: Encrypted Alert} without level and description. */
    static void alert(TreeView t, int n, StringBuilder out) {
        out.append("Alert Message");
        if (child(t, n, TlsFields.ALERT_LEVEL) < 0) {
            out.append(": Encrypted Alert");
        }
    }

    /** {@code Handshake Protocol: Client Hello}. */
    static void handshake(TreeView t, int n, StringBuilder out) {
        out.append("Handshake Protocol: ");
        handshakeName(t, n, out);
    }

    /** A handshake node's value for a message's first part ({@code true}) or a later one, and the message type. */
    static int fragment(boolean first, int type) {
        return (first ? FIRST_FRAGMENT : CONTINUED_FRAGMENT) | type << 8;
    }

    private static final int FIRST_FRAGMENT = 2, CONTINUED_FRAGMENT = 3;

    private static void handshakeName(TreeView t, int n, StringBuilder out) {
        int type = child(t, n, TlsFields.HS_TYPE);
        int kind = (int) t.value(n) & 0xff;
        if (kind == FIRST_FRAGMENT || kind == CONTINUED_FRAGMENT) {
            // "Encrypted Handshake Message (fragment)": the part of a message that goes on in other records
            out.append(TlsNames.HANDSHAKE_TYPES.name((int) t.value(n) >>> 8, "Encrypted Handshake Message")).append(" (fragment)");
        } else if (type < 0) {
            out.append("Encrypted Handshake Message");
        } else if (t.value(n) == 1) {
            out.append("Hello Retry Request");
        } else {
            out.append(TlsNames.HANDSHAKE_TYPES.name((int) t.value(type), "Encrypted Handshake Message"));
        }
    }

    /** {@code Cipher Suites (4 suites)}. */
    static void cipherSuites(TreeView t, int n, StringBuilder out) {
        if (child(t, n, TlsFields.SSL2_CIPHER_SPEC) >= 0) {
            counted(t, n, "Cipher Specs (", " spec", out);     // SSL 2.0's 3-byte specs
            return;
        }
        counted(t, n, "Cipher Suites (", " suite", out);
    }

    /** {@code Compression Methods (1 method)}. */
    static void compressionMethods(TreeView t, int n, StringBuilder out) {
        counted(t, n, "Compression Methods (", " method", out);
    }

    /** {@code Supported Groups (10 groups)}. */
    static void groups(TreeView t, int n, StringBuilder out) {
        counted(t, n, "Supported Groups (", " group", out);
    }

    /** {@code Signature Hash Algorithms (14 algorithms)}. */
    static void signatureAlgorithms(TreeView t, int n, StringBuilder out) {
        counted(t, n, "Signature Hash Algorithms (", " algorithm", out);
    }

    /** {@code Elliptic curves point formats (3)}. */
    static void ecPointFormats(TreeView t, int n, StringBuilder out) {
        out.append("Elliptic curves point formats (").append(children(t, n)).append(')');
    }

    private static void counted(TreeView t, int n, String head, String unit, StringBuilder out) {
        int count = children(t, n);
        out.append(head).append(count).append(unit);
        if (count != 1) {
            out.append('s');
        }
        out.append(')');
    }

    /** The direct children of {@code n}: nodes are stored depth first, so its subtree ends at a parent before it. */
    static int children(TreeView t, int n) {
        int count = 0;
        for (int m = n + 1; m < t.size() && t.parent(m) >= n; m++) {
            if (t.parent(m) == n) {
                count++;
            }
        }
        return count;
    }

    /** {@code Extension: server_name (len=16)}, from the type and length under it. */
    static void extension(TreeView t, int n, StringBuilder out) {
        int type = child(t, n, TlsFields.EXT_TYPE);
        int len = child(t, n, TlsFields.EXT_LEN);
        out.append("Extension: ");
        if (type >= 0) {
            out.append(TlsNames.EXTENSION_TYPES.name((int) t.value(type), "Unknown type " + t.value(type)));
        }
        out.append(" (len=").append(len >= 0 ? t.value(len) : 0).append(')');
    }

    /**
     * An extension's data Wireshark does not take apart: {@code Data: 000a0102} (or {@code <MISSING>}), but a
     * session ticket's {@code Data (176 bytes)}.
     */
    static void extensionData(TreeView t, int n, StringBuilder out) {
        int type = child(t, t.parent(n), TlsFields.EXT_TYPE);
        if (type >= 0 && t.value(type) == TlsWire.EXT_SESSION_TICKET) {
            bytesCounted("Data (", t.length(n), out);
        } else {
            FieldFormat.nameAndValue(t, n, out);
        }
    }

    /** {@code Key Share Entry: Group: x25519, Key Exchange length: 32}. */
    static void keyShareEntry(TreeView t, int n, StringBuilder out) {
        int group = child(t, n, TlsFields.KEY_SHARE_GROUP);
        int len = child(t, n, TlsFields.KEY_SHARE_KE_LEN);
        out.append("Key Share Entry: Group: ");
        if (group >= 0) {
            String name = TlsNames.GROUPS.name((int) t.value(group));
            if (name != null) {
                out.append(name);
            } else {
                out.append("Unknown (").append(t.value(group)).append(')');     // Wireshark's "Unknown (%d)"
            }
        }
        out.append(", Key Exchange length: ").append(len >= 0 ? t.value(len) : 0);
    }

    /** {@code PSK Identity (length: 208)}. */
    static void pskIdentity(TreeView t, int n, StringBuilder out) {
        int len = child(t, n, TlsFields.PSK_IDENTITY_LEN);
        out.append("PSK Identity (length: ").append(len >= 0 ? t.value(len) : 0).append(')');
    }

    /**
     * {@code Signature Algorithm: rsa_pss_rsae_sha256 (0x0804)}; a TLS 1.2 pair without a TLS 1.3 scheme name is
     * named by its hash and signature ({@code SHA224 DSA (0x0302)}).
     */
    static void signatureAlgorithm(TreeView t, int n, StringBuilder out) {
        int v = (int) t.value(n);
        out.append("Signature Algorithm: ");
        String scheme = TlsNames.SIGNATURE_SCHEMES.name(v);
        if (scheme != null) {
            out.append(scheme);
        } else {
            out.append(TlsNames.SIG_HASH.name(v >> 8, "Unknown")).append(' ').append(TlsNames.SIG_SIG.name(v & 0xff, "Unknown"));
        }
        out.append(" (");
        FieldFormat.hexNumber(v, 4, out);
        out.append(')');
    }

    /** {@code TLS segment data (5024 bytes)}. */
    static void segmentData(TreeView t, int n, StringBuilder out) {
        bytesCounted("TLS segment data (", t.length(n), out);
    }

    /** {@code Certificates (961 bytes)}. */
    static void certificates(TreeView t, int n, StringBuilder out) {
        bytesCounted("Certificates (", t.length(n), out);
    }

    /** {@code Certificate types (3 types)}. */
    static void certificateTypes(TreeView t, int n, StringBuilder out) {
        counted(t, n, "Certificate types (", " type", out);
    }

    /** {@code Distinguished Names (62 bytes)}. */

    static void distinguishedNames(TreeView t, int n, StringBuilder out) {
        bytesCounted("Distinguished Names (", t.length(n), out);
    }

    private static void bytesCounted(String head, int len, StringBuilder out) {
        out.append(head).append(len).append(len == 1 ? " byte)" : " bytes)");
    }

    /** {@code Heartbeat Message}, or {@code Encrypted Heartbeat Message} when its type could not be read. */
    static void heartbeat(TreeView t, int n, StringBuilder out) {
        out.append(child(t, n, TlsFields.HEARTBEAT_TYPE) >= 0 ? "Heartbeat Message" : "Encrypted Heartbeat Message");
    }

    /** {@code Payload (16365 bytes)}. */
    static void heartbeatPayload(TreeView t, int n, StringBuilder out) {
        bytesCounted("Payload (", t.length(n), out);
    }

    /** {@code Padding and HMAC (16 bytes)}. */
    static void heartbeatPadding(TreeView t, int n, StringBuilder out) {
        bytesCounted("Padding and HMAC (", t.length(n), out);
    }

    /** {@code Session Ticket Lifetime Hint: 7200 seconds (2 hours)}; a hint of 0 gets no parenthesis in Wireshark 4.0. */
    static void ticketLifetime(TreeView t, int n, StringBuilder out) {
        long secs = t.value(n);
        out.append("Session Ticket Lifetime Hint: ").append(secs).append(secs == 1 ? " second" : " seconds");
        if (secs == 0) {
            return;
        }
        out.append(" (");
        duration(secs, out);
        out.append(')');
    }

    /** Wireshark's {@code unsigned_time_secs_to_str}: {@code 1 day, 2 hours, 5 seconds}; {@code 0 seconds}. */
    static void duration(long secs, StringBuilder out) {
        if (secs == 0) {
            out.append("0 seconds");
            return;
        }
        long[] parts = {secs / 86400, secs / 3600 % 24, secs / 60 % 60, secs % 60};
        String[] units = {" day", " hour", " minute", " second"};
        int start = out.length();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                if (out.length() > start) {
                    out.append(", ");
                }
                out.append(parts[i]).append(units[i]);
                if (parts[i] != 1) {
                    out.append('s');
                }
            }
        }
    }

    /** {@link Labeler#child}, also finding the twin DTLS records in the field's place ({@link TlsHandshakeCode#twin}). */
    private static int child(TreeView t, int n, Field f) {
        int c = Labeler.child(t, n, f);
        Field twin = TlsHandshakeCode.TWINS.get(f);
        return c >= 0 || twin == null ? c : Labeler.child(t, n, twin);
    }

    /** {@link Labeler#sibling}, also finding the twin DTLS records in the field's place. */
    private static int sibling(TreeView t, int n, Field f) {
        int c = Labeler.sibling(t, n, f);
        Field twin = TlsHandshakeCode.TWINS.get(f);
        return c >= 0 || twin == null ? c : Labeler.sibling(t, n, twin);
    }
}
