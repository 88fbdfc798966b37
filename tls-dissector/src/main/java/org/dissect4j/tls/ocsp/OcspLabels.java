package org.dissect4j.tls.ocsp;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;
import org.dissect4j.tls.X509Fields;

/**
 * The {@code -V} lines of OCSP items that tshark's BER helpers compose: a SEQUENCE OF's count
 * ({@code responses: 1 item}), an AlgorithmIdentifier named by its OID ({@code hashAlgorithm (SHA-1)}), an OID
 * kept as a string with its name ({@code ResponseType Id: 1.3.6.1.5.5.7.48.1.1 (id-pkix-ocsp-basic)}) and an INTEGER
 * kept as bytes ({@code serialNumber: 0x03b6...}). Run only by outputs that print labels.
 */
final class OcspLabels {
    private OcspLabels() {
    }

    static void items(TreeView t, int node, StringBuilder out) {
        long n = t.value(node);
        out.append(t.field(node).name()).append(": ").append(n).append(n == 1 ? " item" : " items");
    }

    static void algorithm(TreeView t, int node, StringBuilder out) {
        out.append(t.field(node).name());
        int id = Labeler.child(t, node, X509Fields.ALGORITHM_ID);
        if (id < 0) {
            return;
        }
        StringBuilder dotted = new StringBuilder(32);
        FieldFormat.oid(t, id, dotted);
        String name = OcspNames.name(dotted);
        out.append(" (").append(name != null ? name : dotted).append(')');
    }

    static void oidString(TreeView t, int node, StringBuilder out) {
        FieldFormat.nameAndValue(t, node, out);
        StringBuilder dotted = new StringBuilder(32);
        FieldFormat.value(t, node, dotted);
        String name = OcspNames.name(dotted);
        if (name != null) {
            out.append(" (").append(name).append(')');
        }
    }

    static void integerBytes(TreeView t, int node, StringBuilder out) {
        out.append(t.field(node).name()).append(": 0x");
        FieldFormat.value(t, node, out);
    }
}
